//! A lesson in the shell, and the lesson check.
//!
//! In a lesson the shell shows one section at a time; the student uses
//! every shell command freely, and `:next`, `:lesson back`, `:hint`,
//! `:check` and `:skip` move through it. Progress is saved after every
//! move. `check` runs every transcript and every task's reference
//! solution of a lesson without a terminal, for CI.

use super::{Reply, Session};
use crate::diag::render::Style;
use crate::lesson::{Block, Lesson, LessonProgress, Progress, Solution, Task, Verdict};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The lesson a shell is in.
pub struct Tutor {
    pub lesson: Lesson,
    pub section: usize,
    /// Hints shown so far, per task.
    hints: BTreeMap<String, usize>,
    /// Where the lesson's programs are written and the shell works.
    pub workspace: PathBuf,
    progress: LessonProgress,
}

/// The files a student gets: all beside the lesson except the reference
/// solutions.
fn student_files(lesson: &Lesson) -> Vec<(&String, &String)> {
    let solutions: Vec<&String> = lesson
        .sections
        .iter()
        .flat_map(|s| s.tasks())
        .filter_map(|t| match &t.solution {
            Solution::File(f) => Some(f),
            Solution::Inputs(_) => None,
        })
        .collect();
    lesson
        .files
        .iter()
        .filter(|(n, _)| !solutions.contains(n))
        .collect()
}

/// Writes `text` to `path` unless a file is already there (the student's
/// edits are never overwritten).
fn write_new(path: &Path, text: &str) -> Result<(), String> {
    if path.exists() {
        return Ok(());
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

impl Tutor {
    /// Opens `lesson` where the student left it; the workspace is
    /// `DATA/workspace/NN-slug` and gets the lesson's files.
    pub fn open(lesson: Lesson) -> Result<Tutor, String> {
        let data = crate::lesson::data_dir()
            .ok_or("there is no data folder for the lesson's workspace (set PIDLAB_DATA)")?;
        let workspace = data.join("workspace").join(&lesson.slug);
        std::fs::create_dir_all(&workspace)
            .map_err(|e| format!("cannot create {}: {e}", workspace.display()))?;
        for (name, text) in student_files(&lesson) {
            if crate::lesson::safe_name(name) {
                write_new(&workspace.join(name), text)?;
            }
        }
        let progress = Progress::load()
            .lessons
            .get(&lesson.slug)
            .cloned()
            .unwrap_or_default();
        let section = progress
            .section
            .min(lesson.sections.len().saturating_sub(1));
        Ok(Tutor {
            lesson,
            section,
            hints: BTreeMap::new(),
            workspace,
            progress,
        })
    }

    fn save(&mut self) -> String {
        self.progress.section = self.section;
        let mut all = Progress::load();
        all.lessons
            .insert(self.lesson.slug.clone(), self.progress.clone());
        match all.save() {
            Ok(()) => String::new(),
            Err(e) => format!("(progress not saved: {e})\n"),
        }
    }

    fn open_tasks(&self) -> Vec<&Task> {
        self.lesson
            .sections
            .get(self.section)
            .map(|s| {
                s.tasks()
                    .filter(|t| {
                        !self.progress.done.contains(&t.id)
                            && !self.progress.skipped.contains(&t.id)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The section as text, with its programs written and loaded.
    fn show(&self, session: &mut Session) -> String {
        let Some(sec) = self.lesson.sections.get(self.section) else {
            return String::new();
        };
        let total = self.lesson.sections.len();
        let mut out = format!(
            "── Lesson {} · {} · {}/{}: {} ──\n\n",
            self.lesson.number,
            self.lesson.title,
            self.section + 1,
            total,
            sec.title
        );
        for b in &sec.blocks {
            match b {
                Block::Prose(p) => {
                    out.push_str(p);
                    out.push_str("\n\n");
                }
                Block::Code { file, text } => {
                    let path = self.workspace.join(file);
                    let _ = write_new(&path, text);
                    let _ = writeln!(out, "  {file} (in your workspace; loaded):");
                    for l in text.lines() {
                        let _ = writeln!(out, "    {l}");
                    }
                    let (t, _) = session.load_from_command_line(&path);
                    let _ = writeln!(out, "  {}", t.trim_end());
                    out.push('\n');
                }
                Block::Transcript { steps, .. } => {
                    out.push_str("  Try:\n");
                    for s in steps {
                        for (i, l) in s.input.lines().enumerate() {
                            let _ = writeln!(out, "    {}{l}", if i == 0 { "> " } else { "  " });
                        }
                        for l in s.expected.lines() {
                            let _ = writeln!(out, "    {l}");
                        }
                    }
                    out.push('\n');
                }
                Block::Task(t) => {
                    let state = if self.progress.done.contains(&t.id) {
                        " (done)"
                    } else if self.progress.skipped.contains(&t.id) {
                        " (skipped)"
                    } else {
                        ""
                    };
                    let _ = writeln!(out, "  Task {}{state}: {}", t.id, t.r#do.trim());
                    out.push_str(
                        "    :hint for a hint, :check when you are done, :skip to leave it\n\n",
                    );
                }
                Block::Other(text) => {
                    for l in text.lines() {
                        let _ = writeln!(out, "    {l}");
                    }
                    out.push('\n');
                }
            }
        }
        if self.section + 1 < total {
            out.push_str("(:next for the next section, :lesson back for the one before)\n");
        } else {
            out.push_str("(the last section: :next ends the lesson)\n");
        }
        out
    }

    /// The first screen: the section the student is at.
    pub fn start(&mut self, session: &mut Session) -> String {
        let mut out = String::new();
        if self.section > 0 {
            let _ = writeln!(
                out,
                "resuming lesson {} at section {} (`:lesson restart` starts it again)\n",
                self.lesson.number,
                self.section + 1
            );
        }
        let _ = writeln!(out, "your workspace: {}\n", self.workspace.display());
        out.push_str(&self.show(session));
        out.push_str(&self.save());
        out
    }
}

impl Session {
    /// Starts `lesson` in this shell: the workspace becomes the current
    /// folder, so `c(mod).` finds the lesson's programs.
    pub fn start_lesson(&mut self, lesson: Lesson) -> Result<String, String> {
        let mut tutor = Tutor::open(lesson)?;
        std::env::set_current_dir(&tutor.workspace)
            .map_err(|e| format!("cannot work in {}: {e}", tutor.workspace.display()))?;
        let text = tutor.start(self);
        self.lesson = Some(tutor);
        Ok(text)
    }

    /// A lesson command, if `line` is one and a lesson is open.
    pub(super) fn lesson_command(&mut self, line: &str) -> Option<Reply> {
        let words: Vec<&str> = line.split_whitespace().collect();
        let word = *words.first()?;
        if !matches!(word, "next" | "hint" | "check" | "skip" | "lesson") {
            return None;
        }
        let mut tutor = self.lesson.take()?;
        let r = self.tutor_step(&mut tutor, &words);
        self.lesson = Some(tutor);
        Some(match r {
            Ok(t) => Reply::Text(t, false),
            Err(e) => Reply::Text(format!("error: {e}\n"), true),
        })
    }

    fn tutor_step(&mut self, tutor: &mut Tutor, words: &[&str]) -> Result<String, String> {
        let last = tutor.lesson.sections.len().saturating_sub(1);
        match words {
            ["next"] => {
                if let Some(t) = tutor.open_tasks().first() {
                    return Err(format!(
                        "task {} is still open: :check it when you are done, or :skip it",
                        t.id
                    ));
                }
                if tutor.section >= last {
                    tutor.progress.finished = true;
                    let saved = tutor.save();
                    return Ok(format!(
                        "{saved}That was the last section of lesson {}: well done. `pidlab lesson` lists the others.\n",
                        tutor.lesson.number
                    ));
                }
                tutor.section += 1;
                let text = tutor.show(self);
                Ok(text + &tutor.save())
            }
            ["lesson", "back"] => {
                if tutor.section == 0 {
                    return Err("this is the first section".into());
                }
                tutor.section -= 1;
                let text = tutor.show(self);
                Ok(text + &tutor.save())
            }
            ["lesson", "restart"] => {
                tutor.section = 0;
                tutor.progress = LessonProgress::default();
                let text = tutor.show(self);
                Ok(text + &tutor.save())
            }
            ["lesson"] => Ok(tutor.show(self)),
            ["hint"] => {
                let t = tutor
                    .open_tasks()
                    .first()
                    .map(|t| (*t).clone())
                    .ok_or("there is no open task in this section")?;
                let n = tutor.hints.entry(t.id.clone()).or_insert(0);
                match t.hints.get(*n) {
                    Some(h) => {
                        *n += 1;
                        Ok(format!("hint {} of {}: {}\n", *n, t.hints.len(), h.trim()))
                    }
                    None if t.hints.is_empty() => Ok("this task has no hints\n".into()),
                    None => Ok(format!(
                        "that was the last hint; :skip leaves the task. The last one again: {}\n",
                        t.hints.last().map_or("", |h| h.trim())
                    )),
                }
            }
            ["skip"] => {
                let t = tutor
                    .open_tasks()
                    .first()
                    .map(|t| t.id.clone())
                    .ok_or("there is no open task in this section")?;
                tutor.progress.skipped.insert(t.clone());
                Ok(format!("skipped task {t}; :next moves on\n{}", tutor.save()))
            }
            ["check"] => {
                let t = tutor
                    .open_tasks()
                    .first()
                    .map(|t| (*t).clone())
                    .ok_or("there is no open task in this section")?;
                let verdict = self.judge(&tutor.lesson, &t, &tutor.workspace)?;
                match verdict {
                    Verdict::Pass => {
                        tutor.progress.done.insert(t.id.clone());
                        Ok(format!("✓ task {} done. :next moves on\n{}", t.id, tutor.save()))
                    }
                    Verdict::Fail(why) => Ok(format!(
                        "✗ not yet: {}\n  (:hint for a hint; the task: {})\n",
                        why.trim_end(),
                        t.r#do.trim()
                    )),
                }
            }
            _ => Err(
                "in a lesson: :next, :lesson back, :lesson restart, :lesson (show the section again), :hint, :check, :skip"
                    .into(),
            ),
        }
    }

    /// Judges task `t` on this session (a `check` task) or on the
    /// student's program in `workspace` (an `explore` task).
    fn judge(&mut self, lesson: &Lesson, t: &Task, workspace: &Path) -> Result<Verdict, String> {
        match (&t.check, &t.explore) {
            (Some(c), _) => {
                let events: Vec<_> = self.world.trace.iter().cloned().collect();
                crate::lesson::run_check(lesson, c, &events, &self.log)
            }
            (None, Some(x)) => {
                let (ok, out) = explore_file(workspace, &workspace.join(&x.program), x)?;
                Ok(if ok {
                    Verdict::Pass
                } else {
                    Verdict::Fail(format!(
                        "the explorer finds a problem in {}:\n{}",
                        x.program,
                        out.trim_end()
                    ))
                })
            }
            (None, None) => Err("this task has no check".into()),
        }
    }
}

/// Runs `pidlab explore` on `program` with the task's properties and
/// flags: (passed, the report).
fn explore_file(
    dir: &Path,
    program: &Path,
    x: &crate::lesson::ExploreSpec,
) -> Result<(bool, String), String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find pidlab itself: {e}"))?;
    let mut cmd = std::process::Command::new(exe);
    cmd.arg("explore").arg(program).args(&x.args);
    if let Some(p) = &x.props {
        cmd.arg("--props").arg(dir.join(p));
    }
    for c in &x.checks {
        cmd.args(["--check", c]);
    }
    cmd.args(&x.flags).env("NO_COLOR", "1");
    let o = cmd
        .output()
        .map_err(|e| format!("cannot run the explorer: {e}"))?;
    let text = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    match o.status.code() {
        Some(0) => Ok((true, text)),
        Some(1) => Ok((false, text)),
        _ => Err(format!("the explorer could not run the task:\n{text}")),
    }
}

/// What `pidlab lesson --check` found in one lesson.
pub struct CheckReport {
    pub inputs: usize,
    pub tasks: usize,
    pub failures: Vec<String>,
    /// The lesson's Markdown with every transcript's output as the shell
    /// printed it now (to re-record a lesson, after reviewing the diff).
    pub recorded: String,
}

/// Runs every transcript of `lesson` in one shell and every task's
/// reference solution, in a fresh workspace (the current folder while it
/// runs). A transcript's output must match; a `check` task must fail
/// before its solution and pass after it; an `explore` task's program as
/// given must fail and its solution pass.
pub fn check(lesson: &Lesson) -> CheckReport {
    let mut r = CheckReport {
        inputs: 0,
        tasks: 0,
        failures: vec![],
        recorded: lesson.source.clone(),
    };
    // (first line of an input's output, its line count, the new output)
    let mut fixes: Vec<(usize, usize, String)> = vec![];
    let dir = std::env::temp_dir().join(format!(
        "pidlab-lesson-{}-{}",
        std::process::id(),
        lesson.slug
    ));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(dir.join("reference")) {
        r.failures
            .push(format!("cannot create {}: {e}", dir.display()));
        return r;
    }
    for (name, text) in &lesson.files {
        if crate::lesson::safe_name(name) {
            let _ = std::fs::write(dir.join(name), text);
        }
    }
    let here = std::env::current_dir().ok();
    if let Err(e) = std::env::set_current_dir(&dir) {
        r.failures
            .push(format!("cannot work in {}: {e}", dir.display()));
        return r;
    }
    let at = |line: usize| format!("{}.md:{line}", lesson.slug);
    let mut session = Session::for_script(Style::PLAIN);
    let mut loaded: Vec<PathBuf> = vec![];
    for sec in &lesson.sections {
        for b in &sec.blocks {
            match b {
                Block::Code { file, text } => {
                    let path = dir.join(file);
                    let _ = std::fs::write(&path, text);
                    let (t, failed) = session.load_from_command_line(&path);
                    if failed {
                        r.failures.push(format!("{file} does not load:\n{t}"));
                    }
                    loaded.push(path);
                }
                Block::Transcript { steps, .. } => {
                    for s in steps {
                        r.inputs += 1;
                        let mut got = String::new();
                        match session.eval(&s.input, &mut |t| got.push_str(t)) {
                            Reply::Text(t, _) => got.push_str(&t),
                            Reply::Quit => {}
                        }
                        fixes.push((
                            s.line + s.input.lines().count(),
                            s.expected.lines().count(),
                            normalise(&got),
                        ));
                        if normalise(&got) != normalise(&s.expected) {
                            r.failures.push(format!(
                                "{}: `{}` printed\n{}but the lesson says\n{}",
                                at(s.line),
                                s.input,
                                indent(&got),
                                indent(&s.expected)
                            ));
                        }
                    }
                }
                Block::Task(t) => {
                    r.tasks += 1;
                    if let Err(e) = check_task(lesson, t, &dir, &loaded) {
                        r.failures
                            .push(format!("{}: task {}: {e}", at(t.line), t.id));
                    }
                }
                Block::Prose(_) | Block::Other(_) => {}
            }
        }
    }
    if let Some(h) = here {
        let _ = std::env::set_current_dir(h);
    }
    let _ = std::fs::remove_dir_all(&dir);
    let mut lines: Vec<String> = lesson.source.lines().map(str::to_string).collect();
    for (at, n, new) in fixes.into_iter().rev() {
        let from = at.saturating_sub(1).min(lines.len());
        let to = (from + n).min(lines.len());
        let new_lines: Vec<String> = new.lines().map(str::to_string).collect();
        lines.splice(from..to, new_lines);
    }
    r.recorded = lines.join("\n") + "\n";
    r
}

fn check_task(lesson: &Lesson, t: &Task, dir: &Path, loaded: &[PathBuf]) -> Result<(), String> {
    match (&t.explore, &t.solution) {
        (Some(x), Solution::File(f)) => {
            let (ok, out) = explore_file(dir, &dir.join(&x.program), x)?;
            if ok {
                return Err(format!(
                    "{} as given already passes, so the task asks for nothing:\n{out}",
                    x.program
                ));
            }
            let reference = dir.join("reference").join(&x.program);
            let text = lesson.files.get(f).ok_or(format!("no {f}"))?;
            std::fs::write(&reference, text).map_err(|e| e.to_string())?;
            let (ok, out) = explore_file(dir, &reference, x)?;
            if !ok {
                return Err(format!("the reference solution {f} fails:\n{out}"));
            }
            Ok(())
        }
        (None, Solution::Inputs(inputs)) => {
            let check = t.check.as_deref().ok_or("no check")?;
            let mut s = Session::for_script(Style::PLAIN);
            for p in loaded {
                let _ = s.load_from_command_line(p);
            }
            let before: Vec<_> = s.world.trace.iter().cloned().collect();
            if crate::lesson::run_check(lesson, check, &before, &s.log)? == Verdict::Pass {
                return Err("the check passes before anything is done".into());
            }
            let mut printed = String::new();
            for i in inputs {
                match s.eval(i, &mut |t| printed.push_str(t)) {
                    Reply::Text(t, _) => printed.push_str(&t),
                    Reply::Quit => break,
                }
            }
            let events: Vec<_> = s.world.trace.iter().cloned().collect();
            match crate::lesson::run_check(lesson, check, &events, &s.log)? {
                Verdict::Pass => Ok(()),
                Verdict::Fail(why) => Err(format!(
                    "the reference solution is rejected: {why}\nit printed:\n{}",
                    indent(&printed)
                )),
            }
        }
        _ => Err("a task has check + inputs, or explore + a file".into()),
    }
}

fn normalise(s: &str) -> String {
    s.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_string()
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("    {l}\n")).collect()
}

/// `pidlab lesson` with no number: each lesson with the student's progress.
pub fn list(lessons: &[Lesson]) -> String {
    let progress = Progress::load();
    let mut out = String::new();
    let width = lessons
        .iter()
        .map(|l| l.title.chars().count())
        .max()
        .unwrap_or(0);
    for l in lessons {
        let tasks: Vec<&Task> = l.sections.iter().flat_map(|s| s.tasks()).collect();
        let state = match progress.lessons.get(&l.slug) {
            None => "not started".to_string(),
            Some(p) if p.finished => format!(
                "finished; {}/{} tasks done",
                tasks.iter().filter(|t| p.done.contains(&t.id)).count(),
                tasks.len()
            ),
            Some(p) => format!(
                "at section {}/{}; {}/{} tasks done",
                p.section + 1,
                l.sections.len(),
                tasks.iter().filter(|t| p.done.contains(&t.id)).count(),
                tasks.len()
            ),
        };
        let _ = writeln!(out, "{}  {:<width$}  {state}", l.number, l.title);
    }
    out.push_str("\n`pidlab lesson NN` opens lesson NN in the shell.\n");
    out
}
