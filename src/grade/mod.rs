//! Graded exercises: `pidlab check EXERCISE SOLUTION.erl`.
//!
//! An exercise is a folder `lessons/exercises/NAME/` with `README.md`
//! (the task and the interface, stated exactly), `starter.erl`, and
//! `exercise.toml`: the module the solution must define, and its checks.
//! Each check runs a driver program of the exercise with the student's
//! module under `pidlab explore` (exhaustively, or as seeded random
//! walks), with a property module and built-in checks, within step and
//! state bounds: no wall clock anywhere, so the verdict and the report are
//! the same on every machine.
//!
//! The explorer runs as a child process of pidlab itself, so a solution
//! that loops, floods or allocates without end is stopped by the child's
//! bounds and never takes the grader down.

use crate::diag::render::{render_all, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The exercises built into pidlab: `exercises/` of the lessons folder.
fn shipped() -> Option<&'static include_dir::Dir<'static>> {
    crate::lesson::SHIPPED.get_dir("exercises")
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSpec {
    pub name: String,
    pub points: u32,
    #[serde(default)]
    pub hint: String,
    /// Shown to students only after the due date.
    #[serde(default)]
    pub hidden: bool,
    pub driver: String,
    #[serde(default)]
    pub args: Vec<String>,
    #[serde(default)]
    pub props: Option<String>,
    #[serde(default)]
    pub checks: Vec<String>,
    #[serde(default)]
    pub flags: Vec<String>,
    /// Seeded random walks instead of an exhaustive search.
    #[serde(default)]
    pub random: Option<u64>,
    #[serde(default = "one")]
    pub seed: u64,
    #[serde(default = "depth")]
    pub max_depth: u64,
    #[serde(default = "states")]
    pub max_states: u64,
}

fn one() -> u64 {
    1
}
fn depth() -> u64 {
    400
}
fn states() -> u64 {
    200_000
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    pub title: String,
    /// The lesson it belongs to.
    pub lesson: String,
    /// The module the solution must define.
    pub module: String,
    #[serde(rename = "check")]
    pub checks: Vec<CheckSpec>,
}

#[derive(Clone, Debug)]
pub struct Exercise {
    pub name: String,
    pub spec: Spec,
    /// Every file of the exercise folder: name and text.
    pub files: BTreeMap<String, String>,
}

impl Exercise {
    pub fn max_score(&self) -> u32 {
        self.spec.checks.iter().map(|c| c.points).sum()
    }
}

fn read_exercise(name: &str, files: BTreeMap<String, String>) -> Result<Exercise, String> {
    let toml_text = files
        .get("exercise.toml")
        .ok_or(format!("exercise {name} has no exercise.toml"))?;
    let spec: Spec = toml::from_str(toml_text)
        .map_err(|e| format!("exercise {name}: exercise.toml does not read: {e}"))?;
    for c in &spec.checks {
        for f in std::iter::once(&c.driver).chain(c.props.iter()) {
            if !files.contains_key(f) {
                return Err(format!(
                    "exercise {name}: check `{}` names {f}, which is not in the folder",
                    c.name
                ));
            }
        }
    }
    Ok(Exercise {
        name: name.to_string(),
        spec,
        files,
    })
}

/// Every shipped exercise, by name.
pub fn exercises() -> Vec<Result<Exercise, String>> {
    let mut out = vec![];
    for d in shipped().into_iter().flat_map(|e| e.dirs()) {
        let name = d
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let files = d
            .files()
            .filter_map(|f| {
                Some((
                    f.path().file_name()?.to_string_lossy().to_string(),
                    f.contents_utf8()?.to_string(),
                ))
            })
            .collect();
        out.push(read_exercise(&name, files));
    }
    out.sort_by(|a, b| {
        let n =
            |x: &Result<Exercise, String>| x.as_ref().map(|e| e.name.clone()).unwrap_or_default();
        n(a).cmp(&n(b))
    });
    out
}

/// The exercise called `name`, or what the exercises are.
pub fn find(name: &str) -> Result<Exercise, String> {
    let all = exercises();
    let names: Vec<String> = all
        .iter()
        .filter_map(|e| e.as_ref().ok().map(|e| e.name.clone()))
        .collect();
    for e in all {
        match e {
            Ok(e) if e.name == name => return Ok(e),
            Err(msg) if msg.contains(&format!("exercise {name}:")) => return Err(msg),
            _ => {}
        }
    }
    let mut msg = format!(
        "there is no exercise `{name}`; the exercises are {}",
        names.join(", ")
    );
    if let Some(c) = crate::diag::suggest::closest(name, names.iter().map(String::as_str)) {
        let _ = write!(msg, " (did you mean {c}?)");
    }
    Err(msg)
}

/// The result of one check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub name: String,
    pub points: u32,
    pub max: u32,
    pub passed: bool,
    pub hidden: bool,
    /// What the student reads: the properties' verdicts, the
    /// counterexample's diagram and how to replay it, or the diagnostic.
    pub output: String,
    pub hint: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grade {
    pub exercise: String,
    pub title: String,
    pub checks: Vec<Outcome>,
}

impl Grade {
    pub fn score(&self) -> u32 {
        self.checks.iter().map(|c| c.points).sum()
    }
    pub fn max(&self) -> u32 {
        self.checks.iter().map(|c| c.max).sum()
    }
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.passed)
    }
}

/// Text from a child process, with its own temporary paths replaced so
/// reports do not depend on where they ran.
fn scrub(text: &str, dir: &Path) -> String {
    text.replace(&format!("{}/", dir.display()), "")
        .replace(&dir.display().to_string(), ".")
}

/// Whether a solution file can be compiled at all: the diagnostics (as
/// text) if it cannot, or if it defines another module.
fn solution_problem(src: &str, module: &str, shown_as: &str) -> Option<String> {
    if src.trim().is_empty() {
        return Some(format!(
            "{shown_as} is empty: it should define the module {module}"
        ));
    }
    let (ast, diags) = crate::syntax::parse_module(src, Some(module));
    if diags.iter().any(|d| d.is_error()) {
        return Some(render_all(&diags, shown_as, src, Style::PLAIN));
    }
    if let Err(diags) = crate::compile::compile_module(&ast, shown_as, src) {
        return Some(render_all(&diags, shown_as, src, Style::PLAIN));
    }
    let declared = src.lines().find_map(|l| {
        let l = l.trim();
        l.strip_prefix("-module(")
            .and_then(|r| r.split(')').next())
            .map(|m| m.trim().trim_matches('\'').to_string())
    });
    match declared {
        Some(m) if m == module => None,
        Some(m) => Some(format!(
            "{shown_as} defines the module {m}, but this exercise wants the module {module}: write -module({module})."
        )),
        None => Some(format!("{shown_as} has no -module({module}). line")),
    }
}

/// Grades `solution` (its text, shown as `shown_as`) on `ex`. `exe` is
/// pidlab itself, which runs each check; `keep` is where counterexamples
/// are kept for replaying (None: nowhere).
pub fn grade(
    ex: &Exercise,
    solution: &str,
    shown_as: &str,
    exe: &Path,
    keep: Option<&Path>,
) -> Grade {
    let module = &ex.spec.module;
    let problem = solution_problem(solution, module, shown_as);
    let dir = std::env::temp_dir().join(format!(
        "pidlab-check-{}-{}-{}",
        std::process::id(),
        ex.name,
        unique()
    ));
    let mut checks = vec![];
    let setup = std::fs::create_dir_all(&dir)
        .map_err(|e| e.to_string())
        .and_then(|_| {
            for (n, t) in &ex.files {
                std::fs::write(dir.join(n), t).map_err(|e| e.to_string())?;
            }
            std::fs::write(dir.join(format!("{module}.erl")), solution).map_err(|e| e.to_string())
        });
    for c in &ex.spec.checks {
        let failed = |output: String| Outcome {
            name: c.name.clone(),
            points: 0,
            max: c.points,
            passed: false,
            hidden: c.hidden,
            output,
            hint: c.hint.clone(),
        };
        if let Some(p) = &problem {
            checks.push(failed(format!("the solution does not compile:\n{p}")));
            continue;
        }
        if let Err(e) = &setup {
            checks.push(failed(format!(
                "the grader could not prepare the check: {e}"
            )));
            continue;
        }
        checks.push(match run_check(ex, c, &dir, exe, keep) {
            Ok((true, out)) => Outcome {
                points: c.points,
                passed: true,
                ..failed(out)
            },
            Ok((false, out)) => failed(out),
            Err(e) => failed(e),
        });
    }
    let _ = std::fs::remove_dir_all(&dir);
    Grade {
        exercise: ex.name.clone(),
        title: ex.spec.title.clone(),
        checks,
    }
}

/// Limits of the child that runs a check: a safety net under the
/// explorer's own bounds (steps, states), for solutions that allocate or
/// compute without end inside a single step.
const LIMIT_MIB: u64 = 6144;
const LIMIT_CPU_S: u64 = 120;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit(cmd: &mut std::process::Command) {
    use std::os::unix::process::CommandExt;
    let set = |what, n: u64| {
        let l = libc::rlimit {
            rlim_cur: n,
            rlim_max: n,
        };
        // SAFETY: setrlimit is async-signal-safe and reads only `l`.
        unsafe { libc::setrlimit(what, &l) }
    };
    // SAFETY: the closure calls only setrlimit between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            set(libc::RLIMIT_AS, LIMIT_MIB << 20);
            set(libc::RLIMIT_CPU, LIMIT_CPU_S);
            Ok(())
        });
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit(_cmd: &mut std::process::Command) {}

fn unique() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::SeqCst)
}

/// Runs one check: (passed, what to show).
fn run_check(
    ex: &Exercise,
    c: &CheckSpec,
    dir: &Path,
    exe: &Path,
    keep: Option<&Path>,
) -> Result<(bool, String), String> {
    let module_file = format!("{}.erl", ex.spec.module);
    let ce = dir.join("counterexample.json");
    let _ = std::fs::remove_file(&ce);
    let mut cmd = std::process::Command::new(exe);
    cmd.current_dir(dir)
        .arg("explore")
        .arg(&c.driver)
        .arg(&module_file)
        .args(&c.args);
    if let Some(p) = &c.props {
        cmd.args(["--props", p]);
    }
    for k in &c.checks {
        cmd.args(["--check", k]);
    }
    cmd.args(&c.flags)
        .args(["--max-depth", &c.max_depth.to_string()])
        .args(["--max-states", &c.max_states.to_string()])
        .args(["--max-memory", "1024", "--format", "json"])
        .arg("--counterexample")
        .arg("counterexample.json")
        .env("NO_COLOR", "1");
    match c.random {
        Some(n) => cmd.args(["--random", &n.to_string(), "--seed", &c.seed.to_string()]),
        // One worker: the same counterexample in every run (random walks
        // split between workers give the same executions anyway).
        None => cmd.args(["--threads", "1"]),
    };
    limit(&mut cmd);
    let o = cmd
        .output()
        .map_err(|e| format!("the grader could not run the explorer: {e}"))?;
    let stdout = String::from_utf8_lossy(&o.stdout).to_string();
    let stderr = scrub(&String::from_utf8_lossy(&o.stderr), dir);
    let code = o.status.code();
    let report: Option<serde_json::Value> = serde_json::from_str(&stdout).ok();
    let mut out = String::new();
    if let Some(r) = &report {
        if let Some(props) = r.get("properties").and_then(|p| p.as_array()) {
            for p in props {
                let name = p.get("name").and_then(|v| v.as_str()).unwrap_or("?");
                let status = p.get("status").and_then(|v| v.as_str()).unwrap_or("?");
                let _ = writeln!(out, "{name}: {status}");
            }
        }
        if let Some(b) = r.get("bounds").and_then(|v| v.as_str()) {
            let _ = writeln!(out, "explored {b}");
        }
    }
    // Within the bounds is not enough: a solution must let every
    // execution finish (an endless loop or flood never violates a
    // safety property, but it is not a solution).
    let unfinished = report
        .as_ref()
        .and_then(|r| r.get("incomplete"))
        .and_then(|v| v.as_str())
        .filter(|why| !why.ends_with("not every one"))
        .map(str::to_string);
    match code {
        Some(0) if unfinished.is_some() => {
            let _ = writeln!(
                out,
                "the program did not finish: {} (does your code loop, wait or send without end?)",
                unfinished.unwrap_or_default()
            );
            Ok((false, out))
        }
        Some(0) => Ok((true, out)),
        Some(1) => {
            if !stderr.trim().is_empty() {
                let _ = writeln!(out, "{}", stderr.trim_end());
            }
            if ce.exists() {
                out.push_str(&counterexample(ex, c, dir, exe, &ce, keep));
            }
            Ok((false, out))
        }
        None => Err(format!(
            "the check was stopped: it used more than {} MiB of memory or {} s of processor time (an endless loop or a memory bomb?)",
            LIMIT_MIB, LIMIT_CPU_S
        )),
        _ => Err(format!(
            "the check could not run: {}",
            if stderr.trim().is_empty() { stdout } else { stderr }.trim_end()
        )),
    }
}

/// The counterexample drawn as a diagram, and how to replay it.
fn counterexample(
    ex: &Exercise,
    c: &CheckSpec,
    dir: &Path,
    exe: &Path,
    ce: &Path,
    keep: Option<&Path>,
) -> String {
    let module_file = format!("{}.erl", ex.spec.module);
    let mut out = String::new();
    let o = std::process::Command::new(exe)
        .current_dir(dir)
        .arg("run")
        .arg(&c.driver)
        .arg(&module_file)
        .args(&c.args)
        .arg("--schedule")
        .arg(ce)
        .arg("--diagram")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "110")
        .output();
    if let Ok(o) = o {
        let err = scrub(&String::from_utf8_lossy(&o.stderr), dir);
        let text = String::from_utf8_lossy(&o.stdout);
        let _ = writeln!(out, "a counterexample:");
        if !text.trim().is_empty() {
            let _ = writeln!(out, "{}", text.trim_end());
        }
        let _ = writeln!(out, "{}", err.trim_end());
    }
    if let Some(k) = keep {
        let folder = k.join(format!("{}-{}", ex.name, slug(&c.name)));
        if std::fs::create_dir_all(&folder).is_ok() {
            for (n, t) in &ex.files {
                let _ = std::fs::write(folder.join(n), t);
            }
            let _ = std::fs::copy(dir.join(&module_file), folder.join(&module_file));
            let _ = std::fs::copy(ce, folder.join("counterexample.json"));
            let _ = writeln!(
                out,
                "replay it: cd {} && pidlab run {} {} {}--schedule counterexample.json --diagram\n(or step through it in the shell: :load-schedule counterexample.json)",
                folder.display(),
                c.driver,
                module_file,
                c.args.iter().map(|a| format!("{a} ")).collect::<String>()
            );
        }
    }
    out
}

fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// The report for students.
pub fn text(g: &Grade) -> String {
    let mut out = format!("{} ({})\n\n", g.title, g.exercise);
    for c in &g.checks {
        let mark = if c.passed { "PASS" } else { "FAIL" };
        let _ = writeln!(out, "{mark}  {}  {}/{}", c.name, c.points, c.max);
        if !c.passed {
            for l in c.output.lines() {
                let _ = writeln!(out, "      {l}");
            }
            if !c.hint.is_empty() {
                let _ = writeln!(out, "      hint: {}", c.hint);
            }
        }
    }
    let _ = writeln!(out, "\nscore: {}/{}", g.score(), g.max());
    out
}

/// The Gradescope `results.json` shape.
pub fn json(g: &Grade) -> String {
    let tests: Vec<serde_json::Value> = g
        .checks
        .iter()
        .map(|c| {
            serde_json::json!({
                "name": c.name,
                "score": c.points,
                "max_score": c.max,
                "status": if c.passed { "passed" } else { "failed" },
                "output": if c.passed || c.hint.is_empty() {
                    c.output.clone()
                } else {
                    format!("{}\nhint: {}\n", c.output.trim_end(), c.hint)
                },
                "visibility": if c.hidden { "after_due_date" } else { "visible" },
            })
        })
        .collect();
    let v = serde_json::json!({
        "score": g.score(),
        "max_score": g.max(),
        "tests": tests,
    });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

fn xml(s: &str) -> String {
    s.chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// JUnit XML: one test case per check.
pub fn junit(g: &Grade) -> String {
    let failures = g.checks.iter().filter(|c| !c.passed).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"pidlab check\" tests=\"{}\" failures=\"{failures}\">",
        g.checks.len()
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
        xml(&g.exercise),
        g.checks.len()
    );
    for c in &g.checks {
        let _ = write!(
            out,
            "    <testcase classname=\"{}\" name=\"{}\">",
            xml(&g.exercise),
            xml(&c.name)
        );
        if c.passed {
            out.push_str("</testcase>\n");
        } else {
            let _ = writeln!(
                out,
                "\n      <failure message=\"{} of {} points\">{}</failure>\n    </testcase>",
                c.points,
                c.max,
                xml(&format!(
                    "{}{}",
                    c.output,
                    if c.hint.is_empty() {
                        String::new()
                    } else {
                        format!("hint: {}\n", c.hint)
                    }
                ))
            );
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// A reference or wrong solution of an exercise, from `tests/exercises/`:
/// the checks a wrong one must fail are listed in its first line,
/// `%% fails: NAME; NAME`.
pub struct Sample {
    pub path: PathBuf,
    pub must_fail: Vec<String>,
}

pub fn samples(root: &Path, exercise: &str) -> Vec<Sample> {
    let Ok(entries) = std::fs::read_dir(root.join(exercise)) else {
        return vec![];
    };
    let mut out: Vec<Sample> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "erl"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            let must_fail = text
                .lines()
                .next()
                .and_then(|l| l.strip_prefix("%% fails:"))
                .map(|r| {
                    r.split(';')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            Sample { path: p, must_fail }
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}
