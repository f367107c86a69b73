//! Lessons: Markdown files a student works through inside the shell.
//!
//! A lesson is `lessons/NN-slug.md`, with the programs it loads beside it
//! in `lessons/NN-slug/`. It reads well on GitHub, and pidlab reads it as:
//! - `# Title` once, then sections, each starting at a `## ` heading (the
//!   text before the first one is the introduction);
//! - a fenced block ```` ```erlang FILE.erl ```` is a program: written to
//!   the student's workspace and loaded when its section is shown;
//! - a fenced block ```` ```pidlab ```` is a shell transcript: lines
//!   `N> input` followed by the output the shell prints for it; the
//!   lesson check runs it and compares;
//! - a fenced block ```` ```toml task ```` is a task: `id`, `do` (the
//!   instruction), `hints`, and how it is checked. Either `check =
//!   "module:function"`, a function of a module beside the lesson that is
//!   given the student's session as a map (`events`, `emitted`, `inputs`)
//!   and answers `true`, `false` or `{false, Why}`, with `solution` the
//!   shell inputs of a reference solution; or `explore = { program =
//!   "F.erl", props = "P.erl", checks = [...], flags = [...] }`, an
//!   exploration of the student's copy of a program that must pass, with
//!   `solution` a reference version of the program (and the program as
//!   given must fail it, so the task asks for something).
//!
//! This module reads lessons, keeps the student's progress, and judges
//! checks; running them in a shell is `repl::lesson`.

use crate::bif::BifCtx;
use crate::diag::{Diagnostic, Span};
use crate::term::{Atom, Pid, Term};
use crate::vm::Stop;
use crate::world::event::{Event, Kind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// When the lessons last changed (set by build.rs): reading it makes the
/// crate recompile, and so re-embed the lessons, when they change.
pub const STAMP: &str = env!("PIDLAB_LESSONS_STAMP");

/// The lessons shipped with pidlab, read at build time.
pub static SHIPPED: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/lessons");

/// A block of a section.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Prose(String),
    /// A program to write to the workspace and load.
    Code {
        file: String,
        text: String,
    },
    /// Shell inputs with the output each gives.
    Transcript {
        line: usize,
        steps: Vec<Step>,
    },
    Task(Box<Task>),
    /// Any other fenced block, shown as it is.
    Other(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub input: String,
    pub expected: String,
    /// The line of the lesson file the input is on.
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExploreSpec {
    pub program: String,
    #[serde(default)]
    pub props: Option<String>,
    #[serde(default)]
    pub checks: Vec<String>,
    #[serde(default)]
    pub flags: Vec<String>,
    #[serde(default)]
    pub args: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Solution {
    Inputs(Vec<String>),
    File(String),
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub id: String,
    pub r#do: String,
    #[serde(default)]
    pub hints: Vec<String>,
    #[serde(default)]
    pub check: Option<String>,
    #[serde(default)]
    pub explore: Option<ExploreSpec>,
    pub solution: Solution,
    #[serde(skip)]
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Section {
    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Task(t) => Some(&**t),
            _ => None,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// `01`, ...
    pub number: String,
    /// `01-processes`: the file name without `.md`.
    pub slug: String,
    pub title: String,
    pub sections: Vec<Section>,
    /// The files beside the lesson (`NN-slug/`): name and contents.
    pub files: BTreeMap<String, String>,
    /// The lesson's Markdown, for diagnostics.
    pub source: String,
}

/// Byte offset of the start of each line.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn span_of_line(starts: &[usize], text: &str, line: usize) -> Span {
    let lo = starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
    let hi = text
        .get(lo..)
        .and_then(|r| r.find('\n'))
        .map_or(text.len(), |i| lo + i);
    Span::new(lo, hi)
}

/// Reads a lesson's Markdown. `slug` is its file name without `.md`.
pub fn parse(
    slug: &str,
    text: &str,
    files: BTreeMap<String, String>,
) -> Result<Lesson, Box<Diagnostic>> {
    let starts = line_starts(text);
    let err = |line: usize, msg: String, label: &str| {
        Box::new(
            Diagnostic::error(msg)
                .at(span_of_line(&starts, text, line), label)
                .help("lessons are Markdown: `## ` sections, ```erlang FILE.erl programs, ```pidlab transcripts (`1> input` then its output) and ```toml task blocks"),
        )
    };
    let number = slug
        .get(..2)
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
        .ok_or_else(|| {
            err(
                1,
                format!("`{slug}` does not start with a two-digit number"),
                "here",
            )
        })?
        .to_string();
    let mut title = None;
    let mut sections = vec![Section {
        title: String::new(),
        blocks: vec![],
    }];
    let mut prose = String::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    let mut ids = BTreeSet::new();
    let flush = |prose: &mut String, sections: &mut Vec<Section>| {
        let p = prose.trim();
        if !p.is_empty() {
            if let Some(s) = sections.last_mut() {
                s.blocks.push(Block::Prose(p.to_string()));
            }
        }
        prose.clear();
    };
    while let Some(&l) = lines.get(i) {
        let line_no = i + 1;
        i += 1;
        if let Some(t) = l.strip_prefix("# ") {
            if title.is_some() {
                return Err(err(
                    line_no,
                    "a lesson has one `# ` title".into(),
                    "a second title",
                ));
            }
            title = Some(t.trim().to_string());
            if let Some(s) = sections.first_mut() {
                s.title = t.trim().to_string();
            }
            continue;
        }
        if let Some(t) = l.strip_prefix("## ") {
            flush(&mut prose, &mut sections);
            sections.push(Section {
                title: t.trim().to_string(),
                blocks: vec![],
            });
            continue;
        }
        let Some(info) = l.strip_prefix("```") else {
            prose.push_str(l);
            prose.push('\n');
            continue;
        };
        flush(&mut prose, &mut sections);
        let info = info.trim();
        let mut body = vec![];
        let mut closed = false;
        let first = i + 1;
        while let Some(&b) = lines.get(i) {
            i += 1;
            if b.trim_end() == "```" {
                closed = true;
                break;
            }
            body.push(b);
        }
        if !closed {
            return Err(err(
                line_no,
                "this code block is never closed".into(),
                "opened here",
            ));
        }
        let words: Vec<&str> = info.split_whitespace().collect();
        let block = match words.as_slice() {
            ["erlang", file] => {
                if !file.ends_with(".erl") {
                    return Err(err(
                        line_no,
                        format!("`{file}` is not an Erlang file name"),
                        "here",
                    ));
                }
                Block::Code {
                    file: file.to_string(),
                    text: body.join("\n") + "\n",
                }
            }
            ["pidlab"] => Block::Transcript {
                line: line_no,
                steps: transcript(&body, first).map_err(|(l, m)| err(l, m, "here"))?,
            },
            ["toml", "task"] => {
                let mut task: Task = toml::from_str(&body.join("\n")).map_err(|e| {
                    err(
                        line_no,
                        format!("this task does not read: {}", e.message()),
                        "the task",
                    )
                })?;
                task.line = line_no;
                if !ids.insert(task.id.clone()) {
                    return Err(err(
                        line_no,
                        format!("two tasks are called `{}`", task.id),
                        "the second",
                    ));
                }
                match (&task.check, &task.explore, &task.solution) {
                    (Some(c), None, Solution::Inputs(_)) => {
                        let (m, f) = c.split_once(':').ok_or_else(|| {
                            err(line_no, format!("check `{c}` is not MODULE:FUNCTION"), "the task")
                        })?;
                        if !files.contains_key(&format!("{m}.erl")) {
                            return Err(err(
                                line_no,
                                format!("check `{c}`: there is no {m}.erl beside the lesson"),
                                "the task",
                            ));
                        }
                        let _ = f;
                    }
                    (None, Some(x), Solution::File(f)) => {
                        for need in std::iter::once(&x.program).chain(x.props.iter()).chain([f]) {
                            if !files.contains_key(need) {
                                return Err(err(
                                    line_no,
                                    format!("the task names {need}, which is not beside the lesson"),
                                    "the task",
                                ));
                            }
                        }
                    }
                    _ => {
                        return Err(err(
                            line_no,
                            "a task has either `check` with a list of inputs as `solution`, or `explore` with a file as `solution`".into(),
                            "the task",
                        ))
                    }
                }
                Block::Task(Box::new(task))
            }
            _ => Block::Other(format!("{}\n", body.join("\n"))),
        };
        if let Some(s) = sections.last_mut() {
            s.blocks.push(block);
        }
    }
    flush(&mut prose, &mut sections);
    let title = title.ok_or_else(|| err(1, "a lesson starts with a `# ` title".into(), "here"))?;
    Ok(Lesson {
        number,
        slug: slug.to_string(),
        title,
        sections,
        files,
        source: text.to_string(),
    })
}

/// The steps of a transcript: each `N> ` line is an input (continued by
/// lines starting `.. `), and the lines until the next input are its
/// output.
fn transcript(body: &[&str], first: usize) -> Result<Vec<Step>, (usize, String)> {
    let mut steps: Vec<Step> = vec![];
    for (k, l) in body.iter().enumerate() {
        let prompt = l
            .split_once("> ")
            .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if let Some((_, input)) = prompt {
            steps.push(Step {
                input: input.to_string(),
                expected: String::new(),
                line: first + k,
            });
        } else if let (Some(cont), Some(last)) = (l.strip_prefix(".. "), steps.last_mut()) {
            if last.expected.is_empty() {
                last.input.push('\n');
                last.input.push_str(cont);
            } else {
                last.expected.push_str(l);
                last.expected.push('\n');
            }
        } else if let Some(last) = steps.last_mut() {
            last.expected.push_str(l);
            last.expected.push('\n');
        } else {
            return Err((
                first + k,
                "a transcript starts with an input: `1> ...`".into(),
            ));
        }
    }
    Ok(steps)
}

/// A lesson file that does not read: the diagnostic, the file's name and
/// its text.
pub type Unreadable = (Box<Diagnostic>, String, String);

/// Where lessons are read from: the ones built into pidlab, or a folder.
#[derive(Clone, Debug)]
pub enum Source {
    Shipped,
    Dir(PathBuf),
}

impl Source {
    /// Every lesson (`NN-slug.md`), in number order, each read or its
    /// diagnostic with the file's name and text.
    pub fn lessons(&self) -> Vec<Result<Lesson, Unreadable>> {
        let mut found: Vec<(String, String, BTreeMap<String, String>)> = vec![];
        match self {
            Source::Shipped => {
                for f in SHIPPED.files() {
                    let name = f.path().to_string_lossy().to_string();
                    if let Some(slug) = name.strip_suffix(".md") {
                        let files = SHIPPED
                            .get_dir(slug)
                            .map(|d| {
                                d.files()
                                    .filter_map(|f| {
                                        let n = f.path().file_name()?.to_string_lossy().to_string();
                                        Some((n, f.contents_utf8()?.to_string()))
                                    })
                                    .collect()
                            })
                            .unwrap_or_default();
                        let text = f.contents_utf8().unwrap_or_default().to_string();
                        found.push((slug.to_string(), text, files));
                    }
                }
            }
            Source::Dir(dir) => {
                let Ok(entries) = std::fs::read_dir(dir) else {
                    return vec![];
                };
                for e in entries.flatten() {
                    let p = e.path();
                    let Some(slug) = p
                        .file_name()
                        .and_then(|n| n.to_str())
                        .and_then(|n| n.strip_suffix(".md"))
                        .map(str::to_string)
                    else {
                        continue;
                    };
                    let text = std::fs::read_to_string(&p).unwrap_or_default();
                    let mut files = BTreeMap::new();
                    if let Ok(ds) = std::fs::read_dir(dir.join(&slug)) {
                        for d in ds.flatten() {
                            if let (Some(n), Ok(t)) = (
                                d.file_name().to_str().map(str::to_string),
                                std::fs::read_to_string(d.path()),
                            ) {
                                files.insert(n, t);
                            }
                        }
                    }
                    found.push((slug, text, files));
                }
            }
        }
        found.retain(|(slug, _, _)| {
            slug.get(..2)
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        });
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
            .into_iter()
            .map(|(slug, text, files)| {
                parse(&slug, &text, files).map_err(|d| (d, format!("{slug}.md"), text.clone()))
            })
            .collect()
    }

    /// The lesson a student names: `3`, `03`, `03-time` or `time`.
    pub fn find(&self, which: &str) -> Result<Lesson, String> {
        let all = self.lessons();
        let names: Vec<String> = all
            .iter()
            .filter_map(|l| l.as_ref().ok().map(|l| l.slug.clone()))
            .collect();
        let want = which.trim();
        let n = want.parse::<u32>().ok().map(|n| format!("{n:02}"));
        for l in all {
            let slug = match &l {
                Ok(l) => l.slug.clone(),
                Err((_, f, _)) => f.trim_end_matches(".md").to_string(),
            };
            let matches = slug == want
                || n.as_deref()
                    .is_some_and(|n| slug.starts_with(&format!("{n}-")) || slug == n)
                || slug.get(3..) == Some(want);
            if matches {
                return l.map_err(|(d, f, src)| {
                    crate::diag::render::render(&d, &f, &src, crate::diag::render::Style::PLAIN)
                });
            }
        }
        Err(format!(
            "there is no lesson `{which}`; the lessons are {}",
            names.join(", ")
        ))
    }
}

/// A student's progress through the lessons, saved between sessions.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Progress {
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct LessonProgress {
    /// The section the student is at.
    pub section: usize,
    /// Tasks checked and accepted.
    pub done: BTreeSet<String>,
    /// Tasks skipped.
    pub skipped: BTreeSet<String>,
    /// Whether the student reached the end.
    pub finished: bool,
}

/// pidlab's data folder: `$PIDLAB_DATA`, else `$XDG_DATA_HOME/pidlab`,
/// else `~/.local/share/pidlab`.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("PIDLAB_DATA") {
        return Some(PathBuf::from(d));
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(base.join("pidlab"))
}

impl Progress {
    fn path() -> Option<PathBuf> {
        data_dir().map(|d| d.join("lessons.json"))
    }

    /// The saved progress (none saved, or unreadable: a fresh start).
    pub fn load() -> Progress {
        Progress::path()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    pub fn save(&self) -> Result<(), String> {
        let p = Progress::path()
            .ok_or("there is no data folder to save progress in (set PIDLAB_DATA)")?;
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d)
                .map_err(|e| format!("cannot create {}: {e}", d.display()))?;
        }
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        // Written whole, then renamed: a crash never leaves half a file.
        let tmp = p.with_extension("json.tmp");
        std::fs::write(&tmp, text).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &p).map_err(|e| format!("cannot write {}: {e}", p.display()))
    }
}

/// An event as the check functions see it: a map with `id`, `kind`,
/// `proc`, `time`, and where they apply `lamport`, `vc` (pid to count),
/// `msg` (its number), `to`, `term` (the message or emitted term),
/// `reason`, `child`.
pub fn event_term(e: &Event) -> Term {
    let mut m = crate::term::TermMap::default();
    let mut put = |k: &str, v: Term| crate::term::map_set(&mut m, Term::atom(k), v);
    put("id", Term::Int(e.id as i64));
    put("kind", Term::atom(e.kind.name()));
    put("proc", Term::Pid(e.proc));
    put("time", Term::Int(e.time as i64));
    if let Some((l, vc)) = &e.clock {
        put("lamport", Term::Int(*l as i64));
        let mut v = crate::term::TermMap::default();
        for (p, n) in vc.iter() {
            crate::term::map_set(&mut v, Term::Pid(*p), Term::Int(*n as i64));
        }
        put("vc", Term::Map(std::rc::Rc::new(v)));
    }
    if let Some(id) = e.msg() {
        put("msg", Term::Int(id as i64));
    }
    match &e.kind {
        Kind::Send { to, term, .. } => {
            put("to", Term::Pid(*to));
            put("term", term.clone());
        }
        Kind::Receive { term, .. } | Kind::Emit { term } => put("term", term.clone()),
        Kind::Exit { reason } | Kind::Signal { reason, .. } => put("reason", reason.clone()),
        Kind::Spawn { child } => put("child", Term::Pid(*child)),
        Kind::Deliver { to, .. } => put("to", Term::Pid(*to)),
        _ => {}
    }
    Term::Map(std::rc::Rc::new(m))
}

/// A check function's verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    /// Not yet, with what the check says.
    Fail(String),
}

const CHECK_BUDGET: u64 = 20_000_000;

/// Runs `module:function` (compiled from the lesson's `module.erl`) on
/// the session: its events, emitted terms and inputs. A check that
/// crashes or answers something else is an error in the lesson.
pub fn run_check(
    lesson: &Lesson,
    check: &str,
    events: &[Event],
    inputs: &[String],
) -> Result<Verdict, String> {
    let (mname, fname) = check
        .split_once(':')
        .ok_or_else(|| format!("check `{check}` is not MODULE:FUNCTION"))?;
    let file = format!("{mname}.erl");
    let src = lesson
        .files
        .get(&file)
        .ok_or_else(|| format!("there is no {file} beside lesson {}", lesson.slug))?;
    let (ast, diags) = crate::syntax::parse_module(src, Some(mname));
    if diags.iter().any(|d| d.is_error()) {
        return Err(format!(
            "{file} does not compile: {}",
            diags.first().map_or("", |d| d.message.as_str())
        ));
    }
    let (m, _) = crate::compile::compile_module(&ast, &file, src).map_err(|d| {
        format!(
            "{file} does not compile: {}",
            d.first().map_or("", |d| d.message.as_str())
        )
    })?;
    let mut code = crate::run::new_code();
    let m = code.load(m);
    let func = *m
        .exports
        .get(&(Atom::new(fname), 1))
        .ok_or_else(|| format!("{file} does not export {fname}/1"))?;
    let emitted: Vec<Term> = events
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Emit { term } => Some(term.clone()),
            _ => None,
        })
        .collect();
    let mut arg = crate::term::TermMap::default();
    crate::term::map_set(
        &mut arg,
        Term::atom("events"),
        Term::list(events.iter().map(event_term).collect::<Vec<_>>()),
    );
    crate::term::map_set(&mut arg, Term::atom("emitted"), Term::list(emitted));
    crate::term::map_set(
        &mut arg,
        Term::atom("inputs"),
        Term::list(inputs.iter().map(|s| Term::string(s)).collect::<Vec<_>>()),
    );
    let mut p = crate::vm::Process::new(
        Pid(0),
        m.clone(),
        func,
        vec![Term::Map(std::rc::Rc::new(arg))],
        &[],
    );
    let mut ctx = BifCtx::default();
    let stop = p.run(&code, &mut ctx, CHECK_BUDGET);
    verdict(check, stop)
}

fn verdict(check: &str, stop: Stop) -> Result<Verdict, String> {
    // A reason written as a string reads as text; any other term as ~w.
    let text = |t: &Term| -> String {
        if let Term::Binary(b) = t {
            if let Ok(s) = std::str::from_utf8(b.as_slice()) {
                return s.to_string();
            }
        }
        match t.as_string() {
            Some(s) if !matches!(t, Term::Nil) => s,
            _ => crate::term::write::write(t),
        }
    };
    match stop {
        Stop::Exit(Ok(Term::Atom(a))) if a == Atom::new("true") => Ok(Verdict::Pass),
        Stop::Exit(Ok(Term::Atom(a))) if a == Atom::new("false") => {
            Ok(Verdict::Fail("not yet".into()))
        }
        Stop::Exit(Ok(Term::Tuple(t))) => match t.as_slice() {
            [Term::Atom(a), why] if *a == Atom::new("false") => Ok(Verdict::Fail(text(why))),
            _ => Err(format!(
                "check {check} answered {}, not true, false or {{false, Why}}",
                crate::term::write::write(&Term::Tuple(t.clone()))
            )),
        },
        Stop::Exit(Ok(v)) => Err(format!(
            "check {check} answered {}, not true, false or {{false, Why}}",
            crate::term::write::write(&v)
        )),
        Stop::Exit(Err(e)) => Err(format!(
            "check {check} crashed: {}",
            crate::term::write::write(&e.reason)
        )),
        _ => Err(format!("check {check} did not answer within its budget")),
    }
}

/// Whether `path` holds a program file name a lesson may write (no
/// folders, no way out of the workspace).
pub fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.contains('/')
        && !name.contains('\\')
        && !name.starts_with('.')
        && Path::new(name).file_name().is_some()
}
