//! The terminal space-time diagram: goldens for the reference programs
//! (ASCII and Unicode, no colour), and a property over many runs: every
//! received message's line can be followed, cell by cell, from its
//! receive's arrowhead back to its send's marker, in the right rows and
//! lanes.

use pidlab::view::diagram::{render, Options};
use pidlab::view::trace::Trace;
use proptest::prelude::*;
use std::process::Command;

fn pidlab() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pidlab"));
    c.env("NO_COLOR", "1").env_remove("COLUMNS");
    c
}

/// Runs `file` with `flags` and reads back its trace.
fn trace_of(file: &str, flags: &[&str]) -> (Trace, String) {
    let dir = tempdir();
    let out = dir.join("t.jsonl");
    let o = pidlab()
        .arg("run")
        .arg(file)
        .args(["--wait", "--trace-json"])
        .arg(&out)
        .args(flags)
        .output()
        .expect("pidlab runs");
    let text = std::fs::read_to_string(&out).expect("the trace was written");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        !text.is_empty(),
        "no trace: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    (Trace::parse(&text).expect("the trace reads"), text)
}

fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "pidlab-diagram-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn unicode(width: usize) -> Options {
    Options {
        unicode: true,
        ..Options::plain(width)
    }
}

#[test]
fn ping_pong_golden_ascii() {
    let (t, _) = trace_of("tests/views/pingpong.erl", &["--seed", "1"]);
    insta::assert_snapshot!(render(&t, &Options::plain(100)));
}

#[test]
fn ping_pong_golden_unicode_with_vector_clocks() {
    let (t, _) = trace_of("tests/views/pingpong.erl", &["--seed", "1"]);
    let o = Options {
        vc: true,
        ..unicode(120)
    };
    insta::assert_snapshot!(render(&t, &o));
}

#[test]
fn lost_and_duplicated_messages_golden() {
    let (t, _) = trace_of(
        "tests/views/pingpong.erl",
        &["--seed", "5", "--net", "fair-loss:loss=0,dup=0.4"],
    );
    insta::assert_snapshot!(render(&t, &unicode(120)));
}

#[test]
fn broadcast_with_a_crash_golden() {
    let (t, _) = trace_of(
        "tests/programs/eager_reliable_broadcast.erl",
        &["--seed", "3", "--crash", "p5@send=2"],
    );
    insta::assert_snapshot!(render(&t, &unicode(140)));
}

#[test]
fn the_cli_draws_a_saved_trace_with_its_options() {
    let (t, text) = trace_of("tests/views/pingpong.erl", &["--seed", "1"]);
    let dir = tempdir();
    let file = dir.join("t.jsonl");
    std::fs::write(&file, text).expect("write");
    let o = pidlab()
        .arg("diagram")
        .arg(&file)
        .args(["--past", "e8", "--cut", "e3,e5"])
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let _ = std::fs::remove_dir_all(&dir);
    // The marks agree with the trace's own happens-before.
    for id in t.past(8) {
        if t.get(id).is_some_and(|e| e.is_process_event()) {
            assert!(
                out.lines()
                    .any(|l| l.starts_with(&format!("e{id} ")) && l.contains("[past]")),
                "e{id} is not marked as past:\n{out}"
            );
        }
    }
    let verdict = if t.cut_violation(&[3, 5]).expect("a cut").is_none() {
        "cut {e3, e5}: consistent"
    } else {
        "cut {e3, e5}: not consistent"
    };
    assert!(out.contains(verdict), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn concurrent_events_are_listed_as_the_trace_says() {
    let (t, _) = trace_of(
        "tests/programs/eager_reliable_broadcast.erl",
        &["--seed", "3"],
    );
    let e = t
        .events
        .iter()
        .rev()
        .find(|e| e.kind == "receive")
        .expect("a receive");
    let o = Options {
        concurrent: Some(e.id),
        ..Options::plain(400)
    };
    let out = render(&t, &o);
    let c = t.concurrent(e.id);
    assert!(!c.is_empty(), "a broadcast has concurrent receives");
    let list: Vec<String> = c.iter().map(|e| format!("e{e}")).collect();
    assert!(
        out.contains(&format!("concurrent with e{}: {}", e.id, list.join(", "))),
        "{out}"
    );
    for id in c {
        assert!(
            out.lines()
                .any(|l| l.starts_with(&format!("e{id} ")) && l.ends_with("[concurrent]")),
            "e{id} is not marked:\n{out}"
        );
    }
}

#[test]
fn an_inconsistent_cut_is_named_with_the_event_that_breaks_it() {
    let (t, _) = trace_of("tests/views/pingpong.erl", &["--seed", "1"]);
    // p2's first receive, with p1 cut just before the send.
    let recv = t
        .events
        .iter()
        .find(|e| e.kind == "receive")
        .expect("a receive");
    let send = t
        .msgs
        .get(&recv.msg.expect("a message"))
        .expect("sent")
        .send;
    let before_send = t
        .events
        .iter()
        .rfind(|e| e.id < send && e.proc != recv.proc && e.is_process_event())
        .expect("the sender did something before");
    let o = Options {
        cut: Some(vec![before_send.id, recv.id]),
        ..Options::plain(100)
    };
    let out = render(&t, &o);
    assert!(
        out.contains(&format!(
            "not consistent: e{send} happens before e{}",
            recv.id
        )),
        "{out}"
    );
}

#[test]
fn processes_that_do_not_fit_are_hidden_and_named() {
    let (t, _) = trace_of(
        "tests/programs/eager_reliable_broadcast.erl",
        &["--seed", "3"],
    );
    let out = render(&t, &Options::plain(60));
    assert!(out.contains("hidden to fit 60 columns: "), "{out}");
    for line in out.lines().filter(|l| l.starts_with('e')) {
        // Rows stay within the width, apart from the text that ends them.
        let lanes = line.split("  p").next().unwrap_or(line);
        assert!(lanes.chars().count() <= 60, "{line}");
    }
    let only = Options::plain(100)
        .parse(&["--procs".to_string(), "p2,p5".to_string()], &t)
        .expect("options read");
    let out = render(&t, &only);
    let header = out.lines().next().unwrap_or("");
    assert_eq!(header.split_whitespace().collect::<Vec<_>>(), ["p2", "p5"]);
}

#[test]
fn options_that_name_what_is_not_there_say_so() {
    let (t, _) = trace_of("tests/views/pingpong.erl", &["--seed", "1"]);
    let err = |w: &[&str]| {
        Options::plain(80)
            .parse(&w.iter().map(|s| s.to_string()).collect::<Vec<_>>(), &t)
            .err()
            .unwrap_or_default()
    };
    assert!(err(&["--past", "e999"]).contains("there is no event e999"));
    assert!(err(&["--procs", "p9"]).contains("there is no process `p9`"));
    assert!(err(&["--range", "e3"]).contains("is not a range"));
    assert!(err(&["--frobnicate"]).contains("unknown diagram option"));
    let o = pidlab()
        .args(["diagram", "Cargo.toml"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 1 is not a trace event"));
}

/// The diagram as a grid of characters, with where each lane and each
/// event row is.
struct Drawn {
    grid: Vec<Vec<char>>,
    lane_col: Vec<(String, usize)>,
    row_of: std::collections::HashMap<u64, usize>,
}

fn read_drawing(out: &str) -> Drawn {
    let lines: Vec<&str> = out.lines().collect();
    let pids = lines.get(1).copied().unwrap_or("");
    let mut lane_col = vec![];
    let mut at = 0;
    while let Some(i) = pids.get(at..).and_then(|s| s.find('<')) {
        let start = at + i;
        let len = pids
            .get(start..)
            .and_then(|s| s.find('>'))
            .map_or(0, |j| j + 1);
        lane_col.push((
            pids.get(start..start + len).unwrap_or("").to_string(),
            start + len / 2,
        ));
        at = start + len;
    }
    let mut grid = vec![];
    let mut row_of = std::collections::HashMap::new();
    for l in lines.iter().skip(2).take_while(|l| l.starts_with('e')) {
        let id: u64 = l
            .get(1..)
            .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse().ok())
            .expect("a row starts with its event id");
        row_of.insert(id, grid.len());
        grid.push(l.chars().collect());
    }
    Drawn {
        grid,
        lane_col,
        row_of,
    }
}

impl Drawn {
    fn at(&self, r: usize, c: usize) -> char {
        self.grid
            .get(r)
            .and_then(|l| l.get(c))
            .copied()
            .unwrap_or(' ')
    }
    fn col(&self, pid: &str) -> usize {
        self.lane_col
            .iter()
            .find(|(p, _)| p == pid)
            .map(|(_, c)| *c)
            .expect("a lane")
    }
    fn is_lane(&self, c: usize) -> bool {
        self.lane_col.iter().any(|(_, lc)| *lc == c)
    }

    /// Follows the line that enters the lane at `to_col` on row `r` back
    /// to the lane cell it leaves from: (row, column).
    fn follow_back(&self, r: usize, to_col: usize) -> Result<(usize, usize), String> {
        let step: isize = if self.at(r, to_col - 1) == '▶' {
            -1
        } else if self.at(r, to_col + 1) == '◀' {
            1
        } else {
            return Err(format!("no arrowhead beside column {to_col} on row {r}"));
        };
        let mut c = to_col.checked_add_signed(step).ok_or("off the edge")?;
        // Along the receive's row, to the corner where the track comes down.
        loop {
            c = c.checked_add_signed(step).ok_or("off the edge")?;
            match self.at(r, c) {
                '└' | '┘' => break,
                '─' | '┼' => {}
                ch => return Err(format!("the line breaks at row {r}, column {c}: {ch:?}")),
            }
        }
        // Up the track, to where it turns on the send's row.
        let mut row = r;
        let top = loop {
            row = row.checked_sub(1).ok_or("the track runs off the top")?;
            match self.at(row, c) {
                '│' | '┼' => {}
                ch @ ('┐' | '┌' | '┬') => break ch,
                ch => return Err(format!("the track breaks at row {row}, column {c}: {ch:?}")),
            }
        };
        // Along the send's row to a lane's event marker. A junction (the
        // send's copies share the row) can lead either way: one way ends
        // at another copy's corner, the other at the sender.
        let dirs: &[isize] = match top {
            '┐' => &[-1],
            '┌' => &[1],
            _ => &[-1, 1],
        };
        for &dir in dirs {
            let mut col = c;
            while let Some(next) = col.checked_add_signed(dir) {
                col = next;
                let ch = self.at(row, col);
                if self.is_lane(col) && !matches!(ch, '─' | '┼') {
                    return Ok((row, col));
                }
                if !(matches!(ch, '─' | '┼' | '┬') || ch.is_ascii_alphanumeric()) {
                    break;
                }
            }
        }
        Err(format!(
            "no lane at either end of the send's row {row} from column {c}"
        ))
    }
}

/// A program where every process sends to random others.
const GOSSIP: &str = r#"
-module(gossip).
-export([main/1]).
main([N, K]) ->
    Me = self(),
    Ps = [spawn(fun() -> peer(Me) end) || _ <- lists:seq(1, list_to_integer(N))],
    [P ! {peers, Ps} || P <- Ps],
    [P ! {go, list_to_integer(K)} || P <- Ps],
    [receive done -> ok end || _ <- Ps].
peer(Main) ->
    receive {peers, Ps} -> ok end,
    receive {go, K} -> ok end,
    [lists:nth(rand:uniform(length(Ps)), Ps) ! {hi, self()} || _ <- lists:seq(1, K)],
    Main ! done,
    drain().
drain() ->
    receive {hi, _} -> drain() after 50 -> ok end.
"#;

fn check_lines(t: &Trace, width: usize) -> Result<usize, String> {
    let out = render(t, &unicode(width));
    if out.contains("hidden to fit") {
        return Ok(0);
    }
    let d = read_drawing(&out);
    let mut checked = 0;
    for m in t.msgs.values() {
        let Some(recv) = m.receive else { continue };
        let Some(rev) = t.get(recv) else { continue };
        if rev.kind != "receive" {
            continue;
        }
        let from = pidlab::world::event::pid_text(m.from);
        let to = pidlab::world::event::pid_text(rev.proc);
        let (Some(&rr), Some(&rs)) = (d.row_of.get(&recv), d.row_of.get(&m.send)) else {
            return Err(format!("m{} has no rows", m.id));
        };
        let (row, col) = d
            .follow_back(rr, d.col(&to))
            .map_err(|e| format!("m{}: {e}\n{out}", m.id))?;
        if (row, col) != (rs, d.col(&from)) {
            return Err(format!(
                "m{} leads back to row {row}, column {col}, not its send's row {rs} in {from}'s lane\n{out}",
                m.id
            ));
        }
        checked += 1;
    }
    Ok(checked)
}

#[test]
fn every_line_runs_from_its_send_to_its_receive_in_the_reference_runs() {
    let mut total = 0;
    for (file, flags) in [
        ("tests/views/pingpong.erl", vec!["--seed", "1"]),
        (
            "tests/views/pingpong.erl",
            vec!["--seed", "5", "--net", "fair-loss:loss=0,dup=0.4"],
        ),
        (
            "tests/programs/eager_reliable_broadcast.erl",
            vec!["--seed", "3"],
        ),
    ] {
        let (t, _) = trace_of(file, &flags);
        total += check_lines(&t, 400).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    assert!(total > 20, "only {total} lines checked");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]
    #[test]
    fn every_line_runs_from_its_send_to_its_receive(
        seed in 1u64..10_000,
        n in 2usize..5,
        k in 1usize..4,
        dup in prop_oneof![Just(0.0), Just(0.3)],
    ) {
        let dir = tempdir();
        let src = dir.join("gossip.erl");
        std::fs::write(&src, GOSSIP).expect("write");
        let net = format!("fair-loss:loss=0.1,dup={dup}");
        let (t, _) = trace_of(
            src.to_str().unwrap_or_default(),
            &["--seed", &seed.to_string(), "--net", &net, &n.to_string(), &k.to_string()],
        );
        let _ = std::fs::remove_dir_all(&dir);
        let checked = check_lines(&t, 1000);
        prop_assert!(checked.is_ok(), "{}", checked.err().unwrap_or_default());
    }
}

#[test]
fn a_range_keeps_the_lanes_and_lines_that_pass_through_it() {
    let (t, _) = trace_of(
        "tests/programs/eager_reliable_broadcast.erl",
        &["--seed", "3"],
    );
    let o = Options {
        range: Some((10, 20)),
        past: Some(12),
        ..unicode(200)
    };
    // e12 is a delivery: named by --past, it is shown though deliveries
    // are not; the processes that end after e20 keep their lanes to the
    // bottom; a message sent before e10 and received after e20 runs
    // through.
    insta::assert_snapshot!(render(&t, &o));
}

#[test]
fn run_exports_and_the_export_command_write_the_same_files() {
    let dir = tempdir();
    let json = dir.join("t.jsonl");
    let mut cmd = pidlab();
    cmd.args([
        "run",
        "tests/views/pingpong.erl",
        "--seed",
        "1",
        "--wait",
        "--diagram",
    ])
    .arg("--trace-json")
    .arg(&json);
    for f in pidlab::view::FORMATS {
        cmd.arg("--export")
            .arg(format!("{f}={}", dir.join(format!("run.{f}")).display()));
    }
    let o = cmd.output().expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // The diagram goes to stderr; stdout is the program's (it prints nothing).
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("p1: send m1 -> p2"));
    for f in pidlab::view::FORMATS {
        let out = dir.join(format!("saved.{f}"));
        let e = pidlab()
            .arg("export")
            .arg(&json)
            .args(["--format", f, "-o"])
            .arg(&out)
            .output()
            .expect("runs");
        assert!(e.status.success(), "{}", String::from_utf8_lossy(&e.stderr));
        let a = std::fs::read(dir.join(format!("run.{f}"))).expect("run wrote it");
        let b = std::fs::read(&out).expect("export wrote it");
        assert!(!a.is_empty());
        assert_eq!(a, b, "{f}: run --export and export differ");
    }
    // The json export is the trace --trace-json wrote.
    assert_eq!(
        std::fs::read(dir.join("run.json")).expect("json"),
        std::fs::read(&json).expect("trace")
    );
    let bad = pidlab()
        .args(["run", "tests/views/pingpong.erl", "--export", "png=x.png"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`png` is not a format"));
    let _ = std::fs::remove_dir_all(&dir);
}
