//! The exports of a trace (Graphviz, Mermaid, ShiViz, JSON Lines), read
//! back by each format's own rules: `dot` renders every file without a
//! warning, the ShiViz log parses with ShiViz's default expression and its
//! clocks order events exactly as happens-before does, the Mermaid diagram
//! passes a small grammar check, and the JSON Lines trace round-trips.
//!
//! Traces come from the binary (`pidlab run FILE --trace-json OUT`), over
//! reliable and lossy networks, with a crash, and with program text full
//! of characters the formats give a meaning to. The Graphviz test needs
//! `dot` on PATH (Debian package `graphviz`).

#![allow(clippy::indexing_slicing)] // tests may index: a panic is a failed test

use pidlab::view::export;
use pidlab::view::trace::Trace;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// Two processes, each with a registered name that is not a plain word,
/// exchanging terms full of quotes, backslashes, `;`, `#`, `%`, `<`, `>`
/// and printing a line break: every export must keep these as text.
const QUOTING: &str = r#"-module(quoting).
-export([main/0, echo/0]).
main() ->
    register('the boss', self()),
    P = spawn(quoting, echo, []),
    P ! {self(), {'say "hi"', 'back\\slash', 'semi;colon#hash%pct', '<b>&amp;', <<"<b>&">>, #{k => "v"}}},
    receive R -> io:format("got ~w~n\"done\" \\ ~n", [R]) end.
echo() ->
    register('echo;<#>', self()),
    receive {From, M} -> From ! {echoed, M} end.
"#;

fn tmp(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// Runs `program` with `args` and returns the saved JSON Lines trace.
fn record(name: &str, program: PathBuf, args: &[&str]) -> String {
    let out = tmp(&format!("export-{name}.jsonl"));
    let run = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .arg("run")
        .arg(&program)
        .args(args)
        .arg("--trace-json")
        .arg(&out)
        .output()
        .expect("pidlab runs");
    assert!(
        run.status.success(),
        "{name}: pidlab run failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read_to_string(&out).expect("the trace was written")
}

/// The saved traces every test reads, by name, recorded once.
fn traces() -> &'static Vec<(String, String)> {
    static TRACES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TRACES.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
        let quoting = tmp("quoting.erl");
        std::fs::write(&quoting, QUOTING).expect("writes the program");
        let lossy = ["--net", "fair-loss:loss=0.3,dup=0.2"];
        let cases: Vec<(&str, PathBuf, Vec<&str>)> = vec![
            (
                "pingpong",
                dir.join("views/pingpong.erl"),
                vec!["--seed", "1"],
            ),
            ("quoting", quoting, vec!["--seed", "1"]),
            (
                "broadcast_crash",
                dir.join("programs/eager_reliable_broadcast.erl"),
                vec!["--crash", "p5@send=1", "--seed", "3"],
            ),
            (
                "perfect_link_1",
                dir.join("programs/perfect_link.erl"),
                [&lossy[..], &["--seed", "1"]].concat(),
            ),
            (
                "perfect_link_2",
                dir.join("programs/perfect_link.erl"),
                [&lossy[..], &["--seed", "2"]].concat(),
            ),
        ];
        cases
            .into_iter()
            .map(|(name, file, args)| (name.to_string(), record(name, file, &args)))
            .collect()
    })
}

fn parse(name: &str, text: &str) -> Trace {
    match Trace::parse(text) {
        Ok(t) => t,
        Err(d) => panic!("{name}: the saved trace does not parse: {}", d.message),
    }
}

/// Each trace with its name, parsed.
fn each() -> Vec<(String, Trace)> {
    traces()
        .iter()
        .map(|(name, text)| (name.clone(), parse(name, text)))
        .collect()
}

fn process_events(t: &Trace) -> Vec<u64> {
    t.events
        .iter()
        .filter(|e| e.is_process_event())
        .map(|e| e.id)
        .collect()
}

/// (send event, receive event, message id) of every received message.
fn received(t: &Trace) -> BTreeSet<(u64, u64, u64)> {
    t.msgs
        .values()
        .filter_map(|m| m.receive.map(|r| (m.send, r, m.id)))
        .collect()
}

fn lost(t: &Trace) -> BTreeSet<u64> {
    t.msgs
        .values()
        .filter(|m| m.drop.is_some() && m.receive.is_none())
        .map(|m| m.id)
        .collect()
}

#[test]
fn the_traces_cover_loss_duplication_crashes_and_registered_names() {
    let all = each();
    let kinds: BTreeSet<String> = all
        .iter()
        .flat_map(|(_, t)| t.events.iter().map(|e| e.kind.clone()))
        .collect();
    for kind in ["drop", "duplicate", "crash", "register"] {
        assert!(kinds.contains(kind), "no trace has a {kind} event");
    }
    assert!(
        all.iter().any(|(_, t)| !lost(t).is_empty()),
        "some message is lost"
    );
    assert!(
        all.iter().any(|(_, t)| t
            .msgs
            .values()
            .any(|m| m.copy_of.is_some() && m.receive.is_some())),
        "some network copy is received"
    );
}

fn dot_run(name: &str, format: &str, input: &str) -> (String, String) {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("`dot` is on PATH (Debian package graphviz)");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("dot reads its input");
    let out = child.wait_with_output().expect("dot finishes");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        out.status.success(),
        "{name}: dot -T{format} failed: {stderr}\n{input}"
    );
    (String::from_utf8_lossy(&out.stdout).to_string(), stderr)
}

#[test]
fn dot_renders_without_warnings_one_node_per_process_event_one_edge_per_message() {
    let label = Regex::new(r"^m(\d+)( \(lost\))?$").expect("regex");
    for (name, t) in each() {
        let text = export::dot(&t);
        assert_eq!(text, export::dot(&t), "{name}: the export is deterministic");
        let (svg, stderr) = dot_run(&name, "svg", &text);
        assert_eq!(stderr, "", "{name}: dot warned\n{text}");
        assert!(svg.contains("<svg"), "{name}: dot made an SVG");

        // What Graphviz itself read, as JSON.
        let (json, _) = dot_run(&name, "json", &text);
        let g: serde_json::Value = serde_json::from_str(&json).expect("dot -Tjson is JSON");
        let objects = g["objects"].as_array().cloned().unwrap_or_default();
        let clusters = g["_subgraph_cnt"].as_u64().unwrap_or(0) as usize;
        let name_of = |gvid: &serde_json::Value| -> String {
            let i = gvid.as_u64().expect("a gvid") as usize;
            objects[i]["name"].as_str().unwrap_or("").to_string()
        };
        let nodes: BTreeSet<String> = objects[clusters..]
            .iter()
            .filter_map(|o| o["name"].as_str())
            .filter(|n| n.starts_with('e'))
            .map(str::to_string)
            .collect();
        let expected: BTreeSet<String> = process_events(&t)
            .iter()
            .map(|id| format!("e{id}"))
            .collect();
        assert_eq!(nodes, expected, "{name}: one node per process event");

        // Each cluster holds exactly one process's events.
        let by_proc: BTreeMap<String, BTreeSet<String>> = t
            .events
            .iter()
            .filter(|e| e.is_process_event())
            .fold(BTreeMap::new(), |mut m, e| {
                m.entry(format!("cluster_{}", e.proc.0))
                    .or_default()
                    .insert(format!("e{}", e.id));
                m
            });
        let drawn: BTreeMap<String, BTreeSet<String>> = objects[..clusters]
            .iter()
            .map(|c| {
                let members = c["nodes"]
                    .as_array()
                    .map(|ns| ns.iter().map(&name_of).collect())
                    .unwrap_or_default();
                (c["name"].as_str().unwrap_or("").to_string(), members)
            })
            .collect();
        assert_eq!(drawn, by_proc, "{name}: one cluster per process");

        let mut messages = BTreeSet::new();
        let mut lost_edges = BTreeSet::new();
        let mut program_order = 0;
        for e in g["edges"].as_array().cloned().unwrap_or_default() {
            let (tail, head) = (name_of(&e["tail"]), name_of(&e["head"]));
            match e["label"].as_str().and_then(|l| label.captures(l)) {
                Some(c) if c.get(2).is_some() => {
                    assert_eq!(head, format!("lost_m{}", &c[1]), "{name}: lost edge");
                    lost_edges.insert(c[1].parse::<u64>().expect("an id"));
                }
                Some(c) => {
                    let id = |s: &str| s.trim_start_matches('e').parse::<u64>().expect("an id");
                    messages.insert((id(&tail), id(&head), c[1].parse().expect("an id")));
                }
                None if e["style"].as_str() != Some("dashed") => program_order += 1,
                None => {}
            }
        }
        assert_eq!(
            messages,
            received(&t),
            "{name}: one edge per received message"
        );
        assert_eq!(lost_edges, lost(&t), "{name}: one edge per lost message");
        let procs = by_proc.len();
        assert_eq!(
            program_order,
            expected.len() - procs,
            "{name}: program order links consecutive events of a process"
        );
    }
}

/// One ShiViz record: the event line, the host, the clock.
struct Record {
    event: u64,
    host: String,
    clock: BTreeMap<String, u64>,
}

/// Parses a log as ShiViz does with its default settings: an uploaded
/// file's first line is the expression and its second the delimiter; the
/// expression is then matched repeatedly over the rest of the text.
fn shiviz_records(name: &str, log: &str) -> Vec<Record> {
    let mut lines = log.splitn(3, '\n');
    let first = lines.next().unwrap_or("");
    assert_eq!(
        first,
        export::SHIVIZ_REGEX,
        "{name}: line 1 is the expression"
    );
    assert_eq!(
        lines.next(),
        Some(""),
        "{name}: line 2 (no delimiter) is empty"
    );
    let body = lines.next().unwrap_or("");
    // ShiViz's default expression, as its input page writes it. JavaScript
    // reads a bare `{` as itself; the regex crate wants it escaped.
    let braces = first.replace("{.*}", r"\{.*\}");
    assert_ne!(braces, first, "{name}: the expression ends with the clock");
    let re = Regex::new(&braces).expect("the expression reads as a regular expression");
    let event_id = Regex::new(r"^e(\d+) \S+").expect("regex");
    let records: Vec<Record> = re
        .captures_iter(body)
        .map(|c| {
            let ev = &c["event"];
            let id = event_id
                .captures(ev)
                .unwrap_or_else(|| panic!("{name}: event line {ev:?} starts with its id"));
            let clock: BTreeMap<String, u64> = serde_json::from_str(&c["clock"])
                .unwrap_or_else(|e| panic!("{name}: clock {} is not JSON: {e}", &c["clock"]));
            Record {
                event: id[1].parse().expect("an id"),
                host: c["host"].to_string(),
                clock,
            }
        })
        .collect();
    // Every line belongs to a record: nothing was skipped.
    assert_eq!(
        body.lines().count(),
        2 * records.len(),
        "{name}: two lines per event"
    );
    // The pasted log (header included) reads the same with the default expression.
    assert_eq!(
        re.captures_iter(log).count(),
        records.len(),
        "{name}: pasted"
    );
    records
}

/// `a` is before `b` in vector-clock order: no entry larger, one smaller.
fn vc_before(a: &BTreeMap<String, u64>, b: &BTreeMap<String, u64>) -> bool {
    let at = |m: &BTreeMap<String, u64>, k: &str| m.get(k).copied().unwrap_or(0);
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    keys.iter().all(|k| at(a, k) <= at(b, k)) && keys.iter().any(|k| at(a, k) < at(b, k))
}

#[test]
fn shiviz_log_parses_with_the_default_expression_and_clocks_agree_with_happens_before() {
    for (name, t) in each() {
        let log = export::shiviz(&t);
        assert_eq!(
            log,
            export::shiviz(&t),
            "{name}: the export is deterministic"
        );
        let records = shiviz_records(&name, &log);
        let ids: Vec<u64> = records.iter().map(|r| r.event).collect();
        assert_eq!(
            ids,
            process_events(&t),
            "{name}: one record per process event"
        );

        // ShiViz's own checks: a host's own entry counts its events from 1,
        // and every entry names a host with at least that many events.
        let mut count: BTreeMap<&str, u64> = BTreeMap::new();
        for r in &records {
            let n = count.entry(&r.host).or_default();
            *n += 1;
            assert_eq!(
                r.clock.get(&r.host),
                Some(&*n),
                "{name}: e{} has its own host {} counting its events",
                r.event,
                r.host
            );
        }
        for r in &records {
            for (h, n) in &r.clock {
                assert!(
                    count.get(h.as_str()).is_some_and(|c| n <= c && *n >= 1),
                    "{name}: e{} has {h}:{n}, beyond that host's events",
                    r.event
                );
            }
        }
        // One host per process, and hosts are single words.
        let hosts: BTreeSet<&str> = count.keys().copied().collect();
        let procs: BTreeSet<_> = t
            .events
            .iter()
            .filter(|e| e.is_process_event())
            .map(|e| e.proc)
            .collect();
        assert_eq!(hosts.len(), procs.len(), "{name}: one host per process");

        for b in &records {
            let past = t.past(b.event);
            for a in &records {
                assert_eq!(
                    vc_before(&a.clock, &b.clock),
                    past.contains(&a.event),
                    "{name}: e{} before e{} by clocks exactly when by happens-before",
                    a.event,
                    b.event
                );
            }
        }
    }
}

#[test]
fn shiviz_hosts_are_registered_names_without_spaces() {
    let (_, text) = traces()
        .iter()
        .find(|(n, _)| n == "quoting")
        .expect("the quoting trace");
    let t = parse("quoting", text);
    let hosts: BTreeSet<String> = export::shiviz_hosts(&t).into_values().collect();
    assert!(hosts.contains("the_boss"), "{hosts:?}");
    assert!(hosts.contains("echo;<#>"), "{hosts:?}");
}

/// Checks a Mermaid sequence diagram against the part of the grammar the
/// export uses, and returns its arrows: (from, to, message id, lost).
fn mermaid_arrows(name: &str, text: &str) -> Vec<(String, String, u64, bool)> {
    let participant = Regex::new(r"^    participant (p\d+) as (.+)$").expect("regex");
    let arrow = Regex::new(r"^    (p\d+)(->>|-x)(p\d+): m(\d+) (.*)$").expect("regex");
    let note = Regex::new(r"^    Note over (p\d+): (crash|recover)$").expect("regex");
    // Mermaid's entity codes; anything else `#` would start is an error.
    let entity = Regex::new(r"#(\w+);").expect("regex");
    let text_ok = |s: &str| {
        let plain = entity.replace_all(s, "");
        !plain.contains(['#', ';', '%', '<', '>', '"', '&', '\n'])
    };
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("sequenceDiagram"), "{name}: the header");
    let mut declared = BTreeSet::new();
    let mut arrows = vec![];
    let mut steps = false;
    for line in lines {
        if let Some(c) = participant.captures(line) {
            assert!(!steps, "{name}: participants come first: {line}");
            assert!(
                declared.insert(c[1].to_string()),
                "{name}: declared twice: {line}"
            );
            assert!(text_ok(&c[2]), "{name}: unescaped text: {line}");
        } else if let Some(c) = arrow.captures(line) {
            steps = true;
            for p in [&c[1], &c[3]] {
                assert!(declared.contains(p), "{name}: {p} is not declared: {line}");
            }
            let lost = &c[2] == "-x";
            assert!(
                !lost || &c[5] == "(lost)",
                "{name}: a lost arrow says so: {line}"
            );
            assert!(text_ok(&c[5]), "{name}: unescaped text: {line}");
            arrows.push((
                c[1].to_string(),
                c[3].to_string(),
                c[4].parse().expect("an id"),
                lost,
            ));
        } else if let Some(c) = note.captures(line) {
            steps = true;
            assert!(
                declared.contains(&c[1]),
                "{name}: {} is not declared",
                &c[1]
            );
        } else {
            panic!("{name}: not a line the export writes: {line:?}");
        }
    }
    arrows
}

#[test]
fn mermaid_has_one_arrow_per_received_message_and_one_lost_arrow_per_dropped_one() {
    let alias = |p: pidlab::term::Pid| pidlab::world::event::alias(p);
    for (name, t) in each() {
        let text = export::mermaid(&t);
        assert_eq!(
            text,
            export::mermaid(&t),
            "{name}: the export is deterministic"
        );
        let arrows = mermaid_arrows(&name, &text);
        let mut expected = vec![];
        // In the order of the events that end the messages.
        let mut ends: Vec<(u64, u64, bool)> = t
            .msgs
            .values()
            .filter_map(|m| match (m.receive, m.drop) {
                (Some(r), _) => Some((r, m.id, false)),
                (None, Some(d)) => Some((d, m.id, true)),
                _ => None,
            })
            .collect();
        ends.sort();
        for (_, id, lost) in ends {
            let m = &t.msgs[&id];
            let to = m.to.expect("a message has a receiver");
            expected.push((alias(m.from), alias(to), id, lost));
        }
        assert_eq!(arrows, expected, "{name}\n{text}");
        let crashes = t.events.iter().filter(|e| e.kind == "crash").count();
        assert_eq!(
            text.matches(": crash\n").count(),
            crashes,
            "{name}: a note per crash"
        );
    }
}

#[test]
fn json_export_is_the_saved_trace_byte_for_byte_and_reads_back_the_same() {
    for (name, text) in traces() {
        let t = parse(name, text);
        let out = export::json(&t);
        assert_eq!(
            &out, text,
            "{name}: the export of a saved trace is that file"
        );
        let back = parse(name, &out);
        assert_eq!(back.events, t.events, "{name}: the same events");
        assert_eq!(back.msgs, t.msgs, "{name}: the same messages");
    }
}
