//! Exports of a trace to the formats teachers already use: Graphviz
//! (`dot`), a Mermaid sequence diagram, a ShiViz log, and the JSON Lines
//! trace itself.
//!
//! Every export reads the one trace model (`super::trace::Trace`) and
//! returns the file's text; nothing here writes files or runs tools.
//! Invariants: the same trace gives byte-identical text (processes in pid
//! order, messages in id order, events in trace order); only process
//! events (the ones with clocks) become nodes, so a network event never
//! appears as a point in time of a process; every piece of program text
//! (terms, output, names) is escaped for the target format and kept on one
//! line.

use super::trace::{Ev, Msg, Trace};
use crate::term::Pid;
use crate::world::event::pid_text;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// The default regular expression ShiViz parses a log with: an event line,
/// then a line with the host and its vector clock.
pub const SHIVIZ_REGEX: &str = r"(?<event>.*)\n(?<host>\S*) (?<clock>{.*})";

/// How many characters of a term a label or an arrow shows.
const SHORT: usize = 40;
/// How many characters of an event's detail a tooltip shows.
const LONG: usize = 200;

/// The process events of each process, in trace order.
fn by_process(t: &Trace) -> BTreeMap<Pid, Vec<&Ev>> {
    let mut out: BTreeMap<Pid, Vec<&Ev>> = BTreeMap::new();
    for e in t.events.iter().filter(|e| e.is_process_event()) {
        out.entry(e.proc).or_default().push(e);
    }
    out
}

/// Text on one line: a line break, tab or other control character (and
/// the Unicode line and paragraph separators) is written as an escape, so
/// `a\nb` shows as the four characters `a\nb`.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// At most `n` characters of `s`, with `...` when it is cut.
fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n.saturating_sub(3)).collect();
    out.push_str("...");
    out
}

/// The term a message carried, as the receiver got it (a corrupted message
/// shows its new term), else as it was sent.
fn msg_term(t: &Trace, m: &Msg) -> String {
    let received = m
        .receive
        .and_then(|id| t.get(id))
        .filter(|e| e.kind == "receive")
        .map(|e| e.detail.clone());
    received
        .or_else(|| t.get(m.send).map(|e| e.detail.clone()))
        .unwrap_or_default()
}

/// A message that the network lost (or that reached a process that had
/// already ended) and that nobody received.
fn lost(m: &Msg) -> bool {
    m.drop.is_some() && m.receive.is_none()
}

/// `p1 <0.80.0>`, or `server <0.82.0>` for a registered process.
fn proc_label(t: &Trace, p: Pid) -> String {
    format!("{} {}", t.proc_name(p), pid_text(p))
}

// ---------------------------------------------------------------- Graphviz

/// The inside of a DOT quoted string: `"` and `\` escaped, on one line.
fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out
}

/// The trace as a Graphviz digraph, time flowing down.
///
/// Each process with process events is a `subgraph cluster_N` (N is the
/// middle number of its pid, so `<0.80.0>` is `cluster_80`) labelled with
/// its name and pid. Each process event is a node named by its event id
/// (`e12`), labelled with its id, kind and Lamport time, with the event's
/// detail as a tooltip. Edges:
///
/// - program order: from each process event to the next one of its
///   process (plain, no label);
/// - spawn: from a `spawn` to the new process's first event (dashed, no
///   label);
/// - messages: one edge per received message, from its send event to its
///   `receive` (or `exit_signal`) event, labelled with its id (`m3`); a
///   network copy leaves from its original's send;
/// - lost messages: a dropped message that nobody received gets an edge
///   labelled `m3 (lost)` to a small red point node `lost_m3` outside
///   every cluster.
///
/// Network events (`deliver`, `drop`, `duplicate`, `partition`, ...) are
/// not nodes, and a message still in a mailbox or in flight at the end of
/// the run has no edge.
pub fn dot(t: &Trace) -> String {
    let procs = by_process(t);
    let nodes: BTreeSet<u64> = procs.values().flatten().map(|e| e.id).collect();
    let mut out = String::from("digraph trace {\n");
    out.push_str("  node [shape=box, fontsize=10];\n");
    out.push_str("  edge [fontsize=9];\n");
    for (p, evs) in &procs {
        let _ = writeln!(out, "  subgraph cluster_{} {{", p.0);
        let _ = writeln!(out, "    label=\"{}\";", dot_escape(&proc_label(t, *p)));
        for e in evs {
            // `\n` is Graphviz's line break inside a label.
            let _ = write!(
                out,
                "    e{} [label=\"e{} {}\\nL={}\"",
                e.id,
                e.id,
                dot_escape(&e.kind),
                e.lamport.unwrap_or(0)
            );
            let tip = shorten(&one_line(&e.detail), LONG);
            if !tip.is_empty() {
                let _ = write!(out, ", tooltip=\"{}\"", dot_escape(&tip));
            }
            out.push_str("];\n");
        }
        for pair in evs.windows(2) {
            if let [a, b] = pair {
                let _ = writeln!(out, "    e{} -> e{};", a.id, b.id);
            }
        }
        out.push_str("  }\n");
    }
    for e in t.events.iter().filter(|e| e.kind == "spawn") {
        let first = e.child.and_then(|c| procs.get(&c)).and_then(|v| v.first());
        if let Some(f) = first {
            if nodes.contains(&e.id) {
                let _ = writeln!(out, "  e{} -> e{} [style=dashed];", e.id, f.id);
            }
        }
    }
    for m in t.msgs.values() {
        if !nodes.contains(&m.send) {
            continue;
        }
        match m.receive {
            Some(r) if nodes.contains(&r) => {
                let _ = writeln!(
                    out,
                    "  e{} -> e{} [label=\"m{}\", color=blue, fontcolor=blue];",
                    m.send, r, m.id
                );
            }
            _ if lost(m) => {
                let _ = writeln!(
                    out,
                    "  lost_m{} [shape=point, width=0.1, color=red, label=\"\"];",
                    m.id
                );
                let _ = writeln!(
                    out,
                    "  e{} -> lost_m{} [label=\"m{} (lost)\", color=red, fontcolor=red, style=dashed];",
                    m.send, m.id, m.id
                );
            }
            _ => {}
        }
    }
    out.push_str("}\n");
    out
}

// ----------------------------------------------------------------- Mermaid

/// Text Mermaid shows as it is: the characters its sequence-diagram
/// grammar gives a meaning to (`;` and `#` end a message, `%%` starts a
/// comment, `<` `>` `&` `"` are HTML to the renderer) are written as its
/// entity codes (`#59;`, `#lt;`, ...), on one line.
fn mermaid_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        match c {
            '#' => out.push_str("#35;"),
            ';' => out.push_str("#59;"),
            '%' => out.push_str("#37;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '"' => out.push_str("#quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The trace as a Mermaid `sequenceDiagram`.
///
/// One `participant` per process, with its alias as id and its name and
/// pid as the text shown (`participant p1 as p1 #lt;0.80.0#gt;`). Then, in
/// the order of the events that end them: one arrow per received message
/// (`p1->>p2: m1 {ping,...}`, with the term it carried, shortened), one
/// lost-message arrow per dropped message nobody received
/// (`p1-xp2: m3 (lost)`), and a `Note over p2: crash` (or `recover`)
/// where a process crashed or recovered. Messages still in flight or in a
/// mailbox at the end of the run are left out.
pub fn mermaid(t: &Trace) -> String {
    let alias = |p: Pid| t.alias(p);
    // What happens, keyed by the event that makes it happen.
    let mut steps: BTreeMap<u64, String> = BTreeMap::new();
    let mut parts: BTreeSet<Pid> = t.procs.iter().copied().collect();
    for m in t.msgs.values() {
        let Some(to) = m.to else { continue };
        let (at, line) = match m.receive {
            Some(r) => {
                let term = mermaid_text(&shorten(&one_line(&msg_term(t, m)), SHORT));
                let line = format!("{}->>{}: m{} {term}", alias(m.from), alias(to), m.id);
                (r, line)
            }
            None => match m.drop {
                Some(d) => {
                    let line = format!("{}-x{}: m{} (lost)", alias(m.from), alias(to), m.id);
                    (d, line)
                }
                None => continue,
            },
        };
        parts.insert(m.from);
        parts.insert(to);
        steps.insert(at, line);
    }
    for e in t.events.iter().filter(|e| e.is_process_event()) {
        if e.kind == "crash" || e.kind == "recover" {
            steps.insert(e.id, format!("Note over {}: {}", alias(e.proc), e.kind));
        }
    }
    let mut out = String::from("sequenceDiagram\n");
    for p in &parts {
        let _ = writeln!(
            out,
            "    participant {} as {}",
            alias(*p),
            mermaid_text(&proc_label(t, *p))
        );
    }
    for line in steps.values() {
        let _ = writeln!(out, "    {line}");
    }
    out
}

// ------------------------------------------------------------------ ShiViz

/// The host name ShiViz shows for each process: its name (`p1`, or the
/// registered name with whitespace and control characters replaced by
/// `_`), made unique by its pid's number when two processes would share
/// one (`server.81`).
pub fn shiviz_hosts(t: &Trace) -> BTreeMap<Pid, String> {
    let mut pids: BTreeSet<Pid> = t.procs.iter().copied().collect();
    for e in &t.events {
        pids.extend(e.vc.keys().copied());
    }
    let base = |p: Pid| -> String {
        let name: String = t
            .proc_name(p)
            .chars()
            .map(|c| {
                if c.is_whitespace() || c.is_control() || c == '\u{feff}' {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        if name.is_empty() {
            t.alias(p)
        } else {
            name
        }
    };
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for p in &pids {
        *count.entry(base(*p)).or_default() += 1;
    }
    let mut taken = BTreeSet::new();
    let mut out = BTreeMap::new();
    for p in pids {
        let b = base(p);
        let mut name = if count.get(&b).copied().unwrap_or(0) > 1 {
            format!("{b}.{}", p.0)
        } else {
            b
        };
        while !taken.insert(name.clone()) {
            name.push('\'');
        }
        out.insert(p, name);
    }
    out
}

/// The trace as a ShiViz log that opens with ShiViz's default settings.
///
/// The first line is the parsing regular expression (`SHIVIZ_REGEX`, the
/// default) and the second is empty (no delimiter between executions):
/// that is how ShiViz reads an uploaded file. A log pasted into its text
/// box is read with the default expression, which these two lines do not
/// match. Then, for every process event in trace order, two lines: the
/// event (`e12 send m3 to p2 {ping,<0.80.0>}`, on one line) and its host with its vector
/// clock as JSON keyed by host names (`p1 {"p1":5,"p2":2}`). Each host's own
/// entry counts its process events from 1, as ShiViz requires.
pub fn shiviz(t: &Trace) -> String {
    let hosts = shiviz_hosts(t);
    let host = |p: Pid| hosts.get(&p).cloned().unwrap_or_else(|| pid_text(p));
    let mut out = format!("{SHIVIZ_REGEX}\n\n");
    let mut seen: BTreeMap<Pid, u64> = BTreeMap::new();
    for e in t.events.iter().filter(|e| e.is_process_event()) {
        let n = seen.entry(e.proc).or_default();
        *n += 1;
        let mut line = format!("e{} {}", e.id, e.kind);
        if let Some(m) = e.msg {
            let _ = write!(line, " m{m}");
        }
        if let Some(to) = e.to {
            let _ = write!(line, " to {}", host(to));
        }
        if !e.detail.is_empty() {
            let _ = write!(line, " {}", e.detail);
        }
        let mut vc = e.vc.clone();
        vc.entry(e.proc).or_insert(*n);
        let clock: Vec<String> = vc
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(p, n)| format!("{}:{n}", serde_json::Value::from(host(*p))))
            .collect();
        let _ = writeln!(out, "{}", one_line(&line));
        let _ = writeln!(out, "{} {{{}}}", host(e.proc), clock.join(","));
    }
    out
}

// -------------------------------------------------------------------- JSON

/// The trace as JSON Lines, one record per event, exactly as
/// `pidlab run --trace-json` writes it: `Trace::parse` reads it back, and
/// the export of a file pidlab wrote is that file, byte for byte.
pub fn json(t: &Trace) -> String {
    let mut out = String::new();
    for e in &t.events {
        let _ = writeln!(out, "{}", e.raw);
    }
    out
}
