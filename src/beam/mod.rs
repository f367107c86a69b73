//! `pidlab beam`: the same program on real distributed Erlang nodes.
//!
//! pidlab starts the first node with `erl -sname` on loopback; that node
//! starts the others with OTP's `peer` module, connects them, runs `main`
//! and records the program with Erlang's own tracing (`pidlab_beam.erl`).
//! When the program is done the recording comes back as lines, and
//! [`trace::build`] makes a pidlab trace of them, so every view works on
//! a real run as on a simulated one.

pub mod trace;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `pidlab` module for erl: `pidlab shim` prints it.
pub const SHIM: &str = include_str!("pidlab.erl");

/// The recorder, the placement of spawns and the parse transform.
const DRIVER: &str = include_str!("pidlab_beam.erl");

/// Who a crash rule names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    /// `n3`: the node, halted.
    Node(usize),
    /// `p2`: a process by alias (p1 is main).
    Alias(usize),
    /// A registered name.
    Name(String),
}

/// How to run.
#[derive(Clone, Debug)]
pub struct Options {
    pub nodes: usize,
    /// Stop after this many milliseconds with nothing happening.
    pub quiet_ms: u64,
    /// Stop after this many milliseconds in any case.
    pub time_limit_ms: u64,
    /// Node groups (numbered from 1) and when the cut happens.
    pub partition: Option<(u64, Vec<Vec<usize>>)>,
    pub heal_at: Option<u64>,
    /// Crashes: when, and of what.
    pub crashes: Vec<(u64, Who)>,
    /// Stop once a node has recorded this many events.
    pub max_events: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            nodes: 3,
            quiet_ms: 1000,
            time_limit_ms: 30_000,
            partition: None,
            heal_at: None,
            crashes: vec![],
            max_events: 200_000,
        }
    }
}

/// What went wrong before the program could run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// erl is not installed.
    NoErlang(String),
    /// erlc rejected the program (its messages are in the text).
    Compile(String),
    /// A node did not start or the recording did not come back.
    Nodes(String),
}

/// What a run gives back.
#[derive(Clone, Debug)]
pub struct Run {
    /// The trace, as TRACE.md's JSON Lines.
    pub jsonl: String,
    pub summary: trace::Summary,
}

/// Reads `n1,n2|n3` (optionally `@T` milliseconds) into node groups.
pub fn parse_partition(s: &str, nodes: usize) -> Result<(u64, Vec<Vec<usize>>), String> {
    let (groups, at) = match s.rsplit_once('@') {
        Some((g, t)) => (g, parse_time(t)?),
        None => (s, 0),
    };
    let mut out = vec![];
    let mut seen = std::collections::HashSet::new();
    for g in groups.split('|') {
        let mut group = vec![];
        for n in g.split(',').map(str::trim) {
            let k = parse_node(n, nodes)?;
            if !seen.insert(k) {
                return Err(format!("node n{k} is on both sides of the partition"));
            }
            group.push(k);
        }
        out.push(group);
    }
    if out.len() < 2 {
        return Err("a partition needs two sides or more, e.g. 'n1,n2|n3'".into());
    }
    Ok((at, out))
}

fn parse_node(n: &str, nodes: usize) -> Result<usize, String> {
    let k: usize = n
        .strip_prefix('n')
        .unwrap_or(n)
        .parse()
        .map_err(|_| format!("`{n}` is not a node; nodes are n1 to n{nodes}"))?;
    if k == 0 || k > nodes {
        return Err(format!("there is no node n{k}; nodes are n1 to n{nodes}"));
    }
    Ok(k)
}

fn parse_time(t: &str) -> Result<u64, String> {
    let t = t.strip_prefix("time=").unwrap_or(t);
    t.strip_suffix("ms")
        .unwrap_or(t)
        .parse()
        .map_err(|_| format!("`{t}` is not a time in milliseconds"))
}

/// Reads `WHO@time=T`: WHO a node (`n3`), an alias (`p2`) or a name.
pub fn parse_crash(s: &str, nodes: usize) -> Result<(u64, Who), String> {
    let (who, when) = s
        .rsplit_once('@')
        .ok_or_else(|| format!("--crash {s}: write WHO@time=T, e.g. n3@time=200 or p2@time=50"))?;
    if when.starts_with("send=") || when.starts_with("receive=") {
        return Err(format!(
            "--crash {s}: on real nodes a crash happens at a time: {who}@time=T (milliseconds)"
        ));
    }
    let at = parse_time(when).map_err(|e| format!("--crash {s}: {e}"))?;
    let alias = |p: &str| p.strip_prefix('p').and_then(|k| k.parse::<usize>().ok());
    let w = if who.starts_with('n') && who.get(1..).is_some_and(|k| k.parse::<usize>().is_ok()) {
        let k = parse_node(who, nodes).map_err(|e| format!("--crash {s}: {e}"))?;
        if k == 1 {
            return Err(format!(
                "--crash {s}: n1 runs main and pidlab's recorder; crash one of its processes instead (p1 is main)"
            ));
        }
        Who::Node(k)
    } else if let Some(k) = alias(who).filter(|k| *k > 0) {
        Who::Alias(k)
    } else if !who.is_empty() {
        Who::Name(who.to_string())
    } else {
        return Err(format!(
            "--crash {s}: name a node (n3), a process (p2) or a registered name"
        ));
    };
    Ok((at, w))
}

/// Where `erl` is, if it is on the PATH.
fn find_erl(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(tool))
        .find(|p| p.is_file())
}

/// An Erlang atom, as `~w` writes it (quoted when it must be).
fn atom(s: &str) -> String {
    crate::term::write::write(&crate::term::Term::atom(s))
}

/// An Erlang string, as `~w` writes it (a list of character codes).
fn string(s: &str) -> String {
    crate::term::write::write(&crate::term::Term::string(s))
}

/// A name for this run's nodes that no other run on the machine uses.
fn base_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("pidlab{}x{nanos}", std::process::id())
}

/// Compiles `files` (the first is the program's module) for erl and runs
/// it on `opts.nodes` nodes. The program's output goes to this process's
/// stdout as it happens; erl's own messages and error reports to stderr.
pub fn run(files: &[PathBuf], args: &[String], opts: &Options) -> Result<Run, Failure> {
    let erl = find_erl("erl");
    let erlc = find_erl("erlc");
    let (Some(erl), Some(erlc)) = (erl, erlc) else {
        return Err(Failure::NoErlang(
            "`pidlab beam` runs the program on Erlang/OTP, and `erl` is not on the PATH".into(),
        ));
    };
    let Some(first) = files.first() else {
        return Err(Failure::Compile("no program to run".into()));
    };
    let module = first
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = tempfile::Builder::new()
        .prefix("pidlab-beam")
        .tempdir()
        .map_err(|e| Failure::Nodes(format!("cannot make a folder for the nodes: {e}")))?;
    let d = dir.path();
    let write = |name: &str, text: &str| {
        std::fs::write(d.join(name), text)
            .map_err(|e| Failure::Nodes(format!("cannot write {name}: {e}")))
    };
    write("pidlab.erl", SHIM)?;
    write("pidlab_beam.erl", DRIVER)?;
    let erlc_run = |args: &[&std::ffi::OsStr]| -> Result<(), Failure> {
        let out = Command::new(&erlc)
            .arg("-o")
            .arg(d)
            .arg("-pa")
            .arg(d)
            .args(args)
            .output()
            .map_err(|e| Failure::NoErlang(format!("cannot run erlc: {e}")))?;
        if out.status.success() {
            Ok(())
        } else {
            let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
            text.push_str(&String::from_utf8_lossy(&out.stderr));
            Err(Failure::Compile(text))
        }
    };
    erlc_run(&[
        d.join("pidlab.erl").as_os_str(),
        d.join("pidlab_beam.erl").as_os_str(),
    ])?;
    let mut program: Vec<&std::ffi::OsStr> =
        vec![std::ffi::OsStr::new("+{parse_transform,pidlab_beam}")];
    program.extend(files.iter().map(|f| f.as_os_str()));
    erlc_run(&program)?;
    let base = base_name();
    let out = d.join("events.txt");
    let mut config = format!(
        "{{module, {}}}.\n{{args, [{}]}}.\n{{nodes, {}}}.\n{{dir, {}}}.\n{{out, {}}}.\n{{base, {}}}.\n{{quiet, {}}}.\n{{time_limit, {}}}.\n{{max_events, {}}}.\n",
        atom(&module),
        args.iter().map(|a| string(a)).collect::<Vec<_>>().join(", "),
        opts.nodes,
        string(&d.to_string_lossy()),
        string(&out.to_string_lossy()),
        string(&base),
        opts.quiet_ms,
        opts.time_limit_ms,
        opts.max_events,
    );
    if let Some((at, groups)) = &opts.partition {
        let gs: Vec<String> = groups
            .iter()
            .map(|g| {
                format!(
                    "[{}]",
                    g.iter().map(usize::to_string).collect::<Vec<_>>().join(",")
                )
            })
            .collect();
        config.push_str(&format!("{{partition, {at}, [{}]}}.\n", gs.join(",")));
    }
    if let Some(at) = opts.heal_at {
        config.push_str(&format!("{{heal, {at}, all}}.\n"));
    }
    for (at, who) in &opts.crashes {
        let w = match who {
            Who::Node(k) => format!("{{node, {k}}}"),
            Who::Alias(k) => format!("{{alias, {k}}}"),
            Who::Name(n) => format!("{{name, {}}}", atom(n)),
        };
        config.push_str(&format!("{{crash, {at}, {w}}}.\n"));
    }
    write("config.eterm", &config)?;
    let cookie = format!("{base}c");
    let mut child = Command::new(&erl)
        .arg("-sname")
        .arg(format!("{base}_1@localhost"))
        .args(["-setcookie", &cookie, "-noshell"])
        // Ctrl-C is pidlab's to answer (below), and a runaway heap is
        // killed as on the other nodes.
        .args(["+Bi", "+hmax", "50000000"])
        .args(["-connect_all", "false"])
        .args(["-kernel", "dist_auto_connect", "never"])
        .args(["-kernel", "prevent_overlapping_partitions", "false"])
        .arg("-pa")
        .arg(d)
        .args(["-run", "pidlab_beam", "main"])
        .arg(d.join("config.eterm"))
        .env("ERL_CRASH_DUMP_SECONDS", "0")
        .current_dir(d)
        .spawn()
        .map_err(|e| Failure::NoErlang(format!("cannot run erl: {e}")))?;
    // Ctrl-C asks the nodes to stop and hand over what they recorded.
    let stop_file = d.join("stop");
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::write(&stop_file, "");
    });
    // The nodes stop themselves at the time limit; this is the backstop
    // should they not (a node that hangs while starting).
    let slack = 60_000 + 5_000 * opts.nodes as u64;
    let deadline = std::time::Instant::now()
        + std::time::Duration::from_millis(opts.time_limit_ms.saturating_add(slack));
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.to_string(),
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break "no answer: pidlab stopped it".to_string();
            }
        }
    };
    let text = std::fs::read_to_string(&out).map_err(|_| {
        Failure::Nodes(format!(
            "the Erlang nodes stopped without handing over their recording (erl ended with {status}); \
             erl's own message is above; check that `erl -sname test@localhost` starts on this machine"
        ))
    })?;
    let (records, summary) = trace::build(&text).map_err(Failure::Nodes)?;
    let mut jsonl = String::new();
    for r in records {
        jsonl.push_str(&r.to_string());
        jsonl.push('\n');
    }
    Ok(Run { jsonl, summary })
}

/// Whether `path` names a module file of the program (not an argument).
pub fn is_module_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "erl") && path.is_file()
}
