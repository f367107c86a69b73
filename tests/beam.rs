//! `pidlab beam`: programs on real distributed Erlang nodes (erl on
//! loopback, installed by tests/setup.sh). What they do depends on real
//! time, so these tests check what must hold of every real run: the clock
//! rules, lost messages across a partition, crashes, and output that
//! equals the simulator's for programs whose output is determined.
#![allow(clippy::indexing_slicing)] // tests may index: a panic is a failed test

use pidlab::term::Pid;
use pidlab::view::trace::Trace;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Ran {
    status: i32,
    stdout: String,
    stderr: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pidlab_in(dir: &Path, args: &[&str], path: Option<&str>) -> Ran {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pidlab"));
    c.args(args).current_dir(dir).env("NO_COLOR", "1");
    if let Some(p) = path {
        c.env("PATH", p);
    }
    let out = c.output().expect("pidlab runs");
    Ran {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn pidlab(args: &[&str]) -> Ran {
    pidlab_in(&root(), args, None)
}

/// Runs a program on real nodes and reads the trace it recorded.
fn beam(program: &str, flags: &[&str]) -> (Ran, Trace) {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let json = dir.path().join("trace.jsonl");
    let mut args = vec![
        "beam",
        program,
        "--trace-json",
        json.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(flags);
    let ran = pidlab(&args);
    assert!(
        ran.status == 0 || ran.status == 1,
        "pidlab beam {program} {flags:?} failed ({}): {}",
        ran.status,
        ran.stderr
    );
    let text = std::fs::read_to_string(&json).expect("the trace was written");
    let t =
        Trace::parse(&text).unwrap_or_else(|d| panic!("{program}: the trace does not read: {d:?}"));
    (ran, t)
}

fn leq(a: &BTreeMap<Pid, u64>, b: &BTreeMap<Pid, u64>) -> bool {
    a.iter().all(|(p, n)| b.get(p).copied().unwrap_or(0) >= *n)
}

/// The clock rules: every receive after its send; each process event's
/// own entry counts its events and its clocks exceed its predecessors';
/// and one event happens before another exactly when its vector clock is
/// smaller.
fn clock_rules(name: &str, t: &Trace) {
    let mut count: BTreeMap<Pid, u64> = BTreeMap::new();
    for e in &t.events {
        if e.kind == "receive" {
            if let Some(m) = e.msg {
                let send = t.msgs[&m].send;
                assert!(
                    send < e.id,
                    "{name}: e{} receives m{m} before its send e{send}",
                    e.id
                );
            }
        }
        let Some(l) = e.lamport else { continue };
        let n = count.entry(e.proc).or_insert(0);
        *n += 1;
        assert_eq!(
            e.vc.get(&e.proc),
            Some(&*n),
            "{name}: e{} counts its process's events",
            e.id
        );
        for p in &e.preds {
            let q = t.get(*p).expect("a predecessor in the trace");
            assert!(*p < e.id, "{name}: e{} follows e{p}", e.id);
            if let Some(ql) = q.lamport {
                assert!(ql < l, "{name}: Lamport time of e{} is above e{p}'s", e.id);
                assert!(
                    leq(&q.vc, &e.vc) && q.vc != e.vc,
                    "{name}: vc of e{p} < vc of e{}",
                    e.id
                );
            }
        }
    }
    let process: Vec<_> = t.events.iter().filter(|e| e.lamport.is_some()).collect();
    for b in &process {
        let past = t.past(b.id);
        for a in &process {
            let before = leq(&a.vc, &b.vc) && a.vc != b.vc;
            assert_eq!(
                past.contains(&a.id),
                before,
                "{name}: e{} -> e{} by the trace's links is {} but by the vector clocks {}",
                a.id,
                b.id,
                past.contains(&a.id),
                before
            );
        }
    }
}

fn nodes_of(t: &Trace) -> std::collections::BTreeSet<u32> {
    t.procs.iter().map(|p| p.node()).collect()
}

#[test]
fn the_reference_programs_run_on_three_real_nodes_and_keep_the_clock_rules() {
    for name in [
        "perfect_link",
        "naive_link",
        "stubborn_link",
        "heartbeat",
        "best_effort_broadcast",
        "eager_reliable_broadcast",
    ] {
        let path = format!("tests/programs/{name}.erl");
        let (ran, t) = beam(
            &path,
            &["--nodes", "3", "--quiet", "500", "--time-limit", "10"],
        );
        assert_eq!(ran.status, 0, "{name}: {}", ran.stderr);
        assert!(t.events.len() > 5, "{name}: only {} events", t.events.len());
        assert_eq!(
            nodes_of(&t).len(),
            3,
            "{name}: processes on three nodes: {:?}",
            t.procs
        );
        assert!(
            t.events.iter().any(|e| e.kind == "emit"),
            "{name}: its emits are events"
        );
        clock_rules(name, &t);
    }
}

#[test]
fn a_partition_between_real_nodes_loses_messages_and_the_diagram_shows_it() {
    // The detector lands on n2, the beater on n3.
    let (ran, t) = beam(
        "tests/programs/heartbeat.erl",
        &["--quiet", "500", "--partition", "n1,n2|n3@300", "--diagram"],
    );
    let cut = t
        .events
        .iter()
        .find(|e| e.kind == "partition")
        .expect("a partition event");
    assert_eq!(cut.detail, "n1,n2|n3", "{:?}", cut.raw);
    let drops = t.events.iter().filter(|e| e.kind == "drop").count();
    assert!(drops > 0, "heartbeats across the cut are lost");
    for e in t.events.iter().filter(|e| e.kind == "drop") {
        assert!(e.id > cut.id, "e{} lost before the cut", e.id);
    }
    assert!(
        t.events
            .iter()
            .any(|e| e.kind == "emit" && e.detail.starts_with("{suspect,")),
        "the detector suspects the beater it no longer hears"
    );
    assert!(
        ran.stderr.contains("lost"),
        "the diagram marks lost messages:\n{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("partition n1,n2|n3"), "{}", ran.stderr);
    clock_rules("heartbeat under a partition", &t);
}

#[test]
fn crashes_on_real_nodes_kill_a_process_or_halt_a_node() {
    for (who, flags) in [
        ("the beater, by alias", ["--crash", "p3@time=200"]),
        ("node n3", ["--crash", "n3@time=200"]),
    ] {
        let mut all = vec!["--quiet", "500"];
        all.extend_from_slice(&flags);
        let (_, t) = beam("tests/programs/heartbeat.erl", &all);
        let crash = t
            .events
            .iter()
            .find(|e| e.kind == "crash")
            .unwrap_or_else(|| panic!("{who}: a crash event"));
        assert!(
            !t.events
                .iter()
                .any(|e| e.proc == crash.proc && e.id > crash.id),
            "{who}: the crashed process does nothing more"
        );
        assert!(
            t.events
                .iter()
                .any(|e| e.kind == "emit" && e.detail.starts_with("{suspect,")),
            "{who}: the detector suspects the crashed beater"
        );
        clock_rules(who, &t);
    }
}

#[test]
fn a_deterministic_programs_output_on_real_nodes_equals_the_simulators() {
    let sim = pidlab(&["run", "tests/beam/gather.erl", "--wait"]);
    assert_eq!(sim.status, 0, "{}", sim.stderr);
    let (ran, t) = beam("tests/beam/gather.erl", &["--nodes", "3"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert_eq!(ran.stdout, sim.stdout);
    assert_eq!(
        sim.stdout,
        "squares: [9,25,49,81]\nthe tally saw 4 requests\n"
    );
    // The output is in the trace, on main, and the registered name too.
    let outputs: String = t
        .events
        .iter()
        .filter(|e| e.kind == "output")
        .map(|e| e.detail.clone())
        .collect();
    assert_eq!(outputs, sim.stdout);
    assert!(t.names.values().any(|n| n == "tally"), "{:?}", t.names);
    assert_eq!(nodes_of(&t).len(), 3);
    clock_rules("gather", &t);
}

#[test]
fn the_others_finish_after_main_returns() {
    let sim = pidlab(&["run", "tests/beam/handoff.erl", "--wait"]);
    let (ran, t) = beam("tests/beam/handoff.erl", &[]);
    assert_eq!(
        (ran.status, ran.stdout.as_str()),
        (0, "sum 5050\n"),
        "{}",
        ran.stderr
    );
    assert_eq!(ran.stdout, sim.stdout);
    clock_rules("handoff", &t);
}

#[test]
fn the_shim_compiles_without_warnings_and_behaves_on_erl() {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let shim = pidlab(&["shim"]);
    assert_eq!(shim.status, 0);
    std::fs::write(dir.path().join("pidlab.erl"), &shim.stdout).expect("written");
    let erlc = Command::new("erlc")
        .args(["-Wall", "+warnings_as_errors", "pidlab.erl"])
        .current_dir(dir.path())
        .output()
        .expect("erlc runs (tests/setup.sh installs erlang-nox)");
    assert!(
        erlc.status.success(),
        "{}{}",
        String::from_utf8_lossy(&erlc.stdout),
        String::from_utf8_lossy(&erlc.stderr)
    );
    let check = "ok = pidlab:emit({any, term}), \
                 a = pidlab:choose([a]), \
                 true = lists:member(pidlab:choose([x, y, z]), [x, y, z]), \
                 ok = pidlab:idle(), \
                 0 = pidlab:lamport(), \
                 #{} = pidlab:vc(), \
                 {'EXIT', {badarg, _}} = catch pidlab:choose([]), \
                 io:format(\"shim ok~n\"), halt().";
    let erl = Command::new("erl")
        .args(["-noshell", "-pa", ".", "-eval", check])
        .current_dir(dir.path())
        .output()
        .expect("erl runs");
    assert_eq!(
        String::from_utf8_lossy(&erl.stdout),
        "shim ok\n",
        "{}",
        String::from_utf8_lossy(&erl.stderr)
    );
}

#[test]
fn mistakes_get_clear_answers() {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let d = dir.path();
    std::fs::write(
        d.join("broken.erl"),
        "-module(broken).\n-export([main/0]).\nmain() -> ok\n",
    )
    .expect("written");
    std::fs::write(
        d.join("unknown.erl"),
        "-module(unknown).\n-export([main/0]).\nmain() -> pidlab:explode(now).\n",
    )
    .expect("written");
    std::fs::write(
        d.join("fine.erl"),
        "-module(fine).\n-export([main/0]).\nmain() -> ok.\n",
    )
    .expect("written");
    // No erl on the PATH.
    let empty = d.join("empty");
    std::fs::create_dir(&empty).expect("a folder");
    let r = pidlab_in(d, &["beam", "fine.erl"], empty.to_str());
    answers(
        &r,
        3,
        &["`erl` is not on the PATH", "apt-get install erlang-nox"],
    );
    // An erl whose named node does not start (erlc, which runs erl too,
    // still works).
    let fake = d.join("fake");
    std::fs::create_dir(&fake).expect("a folder");
    let real_erl = String::from_utf8(
        Command::new("sh")
            .args(["-c", "command -v erl"])
            .output()
            .expect("sh runs")
            .stdout,
    )
    .expect("a path");
    std::fs::write(
        fake.join("erl"),
        format!(
            "#!/bin/sh\ncase \"$*\" in *-sname*) echo 'Protocol inet_tcp: register/listen error' >&2; exit 1;; esac\nexec {} \"$@\"\n",
            real_erl.trim()
        ),
    )
    .expect("written");
    let mut perms = std::fs::metadata(fake.join("erl"))
        .expect("there")
        .permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(fake.join("erl"), perms).expect("executable");
    let path = format!(
        "{}:{}",
        fake.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let r = pidlab_in(d, &["beam", "fine.erl"], Some(&path));
    // erl's own words, and how to check.
    answers(
        &r,
        3,
        &["register/listen error", "erl -sname test@localhost"],
    );
    // A program erlc rejects: its message, with the line.
    let r = pidlab_in(d, &["beam", "broken.erl"], None);
    answers(
        &r,
        1,
        &["broken.erl:3:", "erlc does not compile broken.erl"],
    );
    // A pidlab function the shim does not have.
    let r = pidlab_in(d, &["beam", "unknown.erl"], None);
    answers(
        &r,
        1,
        &[
            "unknown.erl:3:",
            "pidlab:explode/1 is not in the pidlab module",
            "emit/1",
        ],
    );
    // Flags.
    for (flags, says) in [
        (vec!["--partition", "n1|n5"], "there is no node n5"),
        (vec!["--partition", "n1,n2"], "two sides"),
        (vec!["--crash", "p2@send=3"], "at a time"),
        (vec!["--crash", "n1@time=5"], "n1 runs main"),
        (vec!["--export", "png=x.png"], "not a format"),
    ] {
        let mut args = vec!["beam", "fine.erl"];
        args.extend(flags.iter().copied());
        answers(&pidlab_in(d, &args, None), 2, &[says]);
    }
    // A crash rule that names nobody, said when the run ends.
    let r = pidlab_in(d, &["beam", "fine.erl", "--crash", "nobody@time=0"], None);
    answers(&r, 2, &["--crash names nobody"]);
}

/// A run ended with `status` and said each of `says` on stderr.
fn answers(r: &Ran, status: i32, says: &[&str]) {
    assert_eq!(r.status, status, "{}", r.stderr);
    for s in says {
        assert!(r.stderr.contains(s), "`{s}` not said in: {}", r.stderr);
    }
}

#[test]
fn the_shell_loads_a_real_trace() {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let json = dir.path().join("real.jsonl");
    let ran = pidlab(&[
        "beam",
        "tests/beam/gather.erl",
        "--trace-json",
        json.to_str().expect("utf-8"),
    ]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let script = dir.path().join("look.txt");
    std::fs::write(
        &script,
        format!(
            ":load-trace {}\n:diagram --procs p1,tally\n:hb e1 e2\n",
            json.display()
        ),
    )
    .expect("written");
    let r = pidlab(&["script", script.to_str().expect("utf-8")]);
    assert_eq!(r.status, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("loaded "), "{}", r.stdout);
    assert!(r.stdout.contains("tally"), "{}", r.stdout);
    assert!(r.stdout.contains("e1 happens before e2"), "{}", r.stdout);
}

#[test]
fn a_run_that_never_ends_stops_at_its_event_bound_or_at_ctrl_c_with_its_trace() {
    let (ran, t) = beam(
        "tests/beam/flood.erl",
        &["--max-events", "3000", "--time-limit", "60"],
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("stopped after 3000 events on a node"),
        "{}",
        ran.stderr
    );
    assert!(t.events.len() <= 3 * 3000 + 10, "{} events", t.events.len());
    clock_rules("flood", &t);
    // Ctrl-C: the nodes stop and the trace so far is written.
    let dir = tempfile::tempdir().expect("a scratch folder");
    let json = dir.path().join("so-far.jsonl");
    let child = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .args([
            "beam",
            "tests/beam/ticker.erl",
            "--time-limit",
            "60",
            "--trace-json",
        ])
        .arg(&json)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("pidlab runs");
    // Long enough for the handler to be in place (the nodes take longer
    // to start); the run itself would go on for a minute.
    std::thread::sleep(std::time::Duration::from_secs(3));
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    let out = child.wait_with_output().expect("pidlab ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("stopped by Ctrl-C"), "{stderr}");
    let t =
        Trace::parse(&std::fs::read_to_string(&json).expect("the trace so far")).expect("a trace");
    assert!(
        t.events.iter().any(|e| e.kind == "emit"),
        "the ticks so far are there"
    );
}

#[test]
fn after_a_partition_heals_receives_match_sends_made_across_the_live_link() {
    let (_, t) = beam(
        "tests/programs/heartbeat.erl",
        &[
            "--quiet",
            "500",
            "--partition",
            "n1,n2|n3@200",
            "--heal-at",
            "500",
        ],
    );
    let time = |kind: &str| t.events.iter().find(|e| e.kind == kind).map(|e| e.time);
    let (cut, heal) = (
        time("partition").expect("cut"),
        time("heal").expect("healed"),
    );
    // The cut and the heal are logged once the controller's calls return:
    // a connection goes down, or comes up, on the side that asked a moment
    // before the other side sees it (milliseconds on a loaded machine).
    // What is sent in that moment may go either way, so it is not judged.
    const SETTLING: u64 = 25;
    let settling =
        |ts: u64| (cut..cut + SETTLING).contains(&ts) || (heal..heal + SETTLING).contains(&ts);
    let mut received = 0;
    for m in t.msgs.values() {
        let sent = t.get(m.send).expect("its send").time;
        if settling(sent) {
            received += usize::from(m.receive.is_some());
            continue;
        }
        let across = (cut..heal).contains(&sent);
        if m.receive.is_some() {
            received += 1;
            assert!(
                !across,
                "m{} was sent during the cut at {sent} ms, yet received",
                m.id
            );
        }
        if m.drop.is_some() {
            assert!(
                across,
                "m{} was lost though sent at {sent} ms, outside the cut",
                m.id
            );
        }
    }
    assert!(
        received > 10,
        "heartbeats arrive before the cut and after the heal"
    );
    assert!(
        t.events.iter().any(|e| e.kind == "drop"),
        "and some are lost in between"
    );
    clock_rules("a healed partition", &t);
}

#[test]
fn a_program_that_calls_halt_ends_the_run_with_its_trace() {
    let sim = pidlab(&["run", "tests/beam/halts.erl"]);
    let (ran, t) = beam("tests/beam/halts.erl", &[]);
    assert_eq!(
        (ran.status, ran.stdout.as_str()),
        (0, sim.stdout.as_str()),
        "{}",
        ran.stderr
    );
    assert!(t
        .events
        .iter()
        .any(|e| e.kind == "output" && e.detail == "pong\n"));
    clock_rules("halts", &t);
}
