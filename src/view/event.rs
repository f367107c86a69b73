//! Events as people and tools read them: one line of text for the
//! terminal, and the JSON Lines record of TRACE.md. The world records
//! events; how they are written is decided here.

use crate::world::event::{alias, pid_text, Event, Kind, Vc};

/// A vector clock as people read it, by alias: `{p1:2, p2:6}` (the JSON
/// trace keeps pids).
pub fn vc_text(vc: &Vc) -> String {
    let parts: Vec<String> = vc
        .iter()
        .map(|(p, n)| format!("{}:{n}", alias(*p)))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

fn details(e: &Event) -> String {
    let w = crate::term::write::write;
    match &e.kind {
        Kind::Spawn { child } => pid_text(*child),
        Kind::Send { msg, to, term } => format!("m{msg} to {} {}", pid_text(*to), w(term)),
        Kind::Deliver { msg, .. } => format!("m{msg}"),
        Kind::Receive { msg, term } => format!("m{msg} {}", w(term)),
        Kind::Output { text } => format!("{text:?}"),
        Kind::Emit { term } | Kind::Exit { reason: term } => w(term),
        Kind::Timeout => String::new(),
        Kind::Signal { from, reason, .. } => format!("from {} {}", pid_text(*from), w(reason)),
        Kind::Link { other } | Kind::Unlink { other } | Kind::Monitor { other } => pid_text(*other),
        Kind::Register { name, pid } => format!("{name} {}", pid_text(*pid)),
        Kind::Drop { msg } => format!("m{msg}"),
        Kind::Corrupt { msg, before, after } => format!("m{msg} {} -> {}", w(before), w(after)),
        Kind::Forge { msg, claims } => {
            format!("m{msg} claims to be from {}", pid_text(*claims))
        }
        Kind::Duplicate { msg, copy } => format!("m{msg} as m{copy}"),
        Kind::Crash | Kind::Heal | Kind::Recover => String::new(),
        Kind::Partition { groups } => groups.clone(),
        Kind::Round { n } => n.to_string(),
    }
}

/// One line for people: id, time, process, kind, details, clocks.
pub fn line(e: &Event) -> String {
    let clocks = match &e.clock {
        Some((l, vc)) => format!("  L={l} {}", vc_text(vc)),
        None => String::new(),
    };
    format!(
        "e{:<4} t={:<6} {:<10} {:<11} {}{}",
        e.id,
        e.time,
        pid_text(e.proc),
        e.kind.name(),
        details(e),
        clocks
    )
}

/// The JSON Lines record of an event as text, the same bytes as
/// `json(e).to_string()` but written without building the vector clock as
/// a JSON value: a traced run writes one clock per event, and with many
/// processes the clocks are most of the trace. `out` is cleared first.
pub fn write_json(e: &Event, out: &mut String) {
    use std::fmt::Write;
    out.clear();
    let Some((_, vc)) = &e.clock else {
        let _ = write!(out, "{}", json(e));
        return;
    };
    // Every other field comes before "vc" in the record's (sorted) keys.
    let _ = write!(out, "{}", record(e, false));
    if out.ends_with('}') {
        out.pop();
    }
    out.push_str(if out.len() > 1 {
        ",\"vc\":{"
    } else {
        "\"vc\":{"
    });
    // The clock's pids as text (they need no escaping), sorted as text.
    let mut names = String::new();
    let mut entries: Vec<(std::ops::Range<usize>, u64)> = Vec::with_capacity(vc.len());
    let mut digits = itoa::Buffer::new();
    for (p, n) in vc.iter() {
        let start = names.len();
        names.push('<');
        names.push_str(digits.format(p.node()));
        names.push('.');
        names.push_str(digits.format(p.number()));
        names.push('.');
        names.push_str(digits.format(p.serial()));
        names.push('>');
        entries.push((start..names.len(), *n));
    }
    entries.sort_by(|(a, _), (b, _)| names.get(a.clone()).cmp(&names.get(b.clone())));
    for (i, (r, n)) in entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(names.get(r.clone()).unwrap_or_default());
        out.push_str("\":");
        out.push_str(digits.format(*n));
    }
    out.push_str("}}");
}

/// The JSON Lines record of an event (see TRACE.md).
pub fn json(e: &Event) -> serde_json::Value {
    record(e, true)
}

/// The record, with its vector clock or without.
fn record(e: &Event, with_vc: bool) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    m.insert("id".into(), format!("e{}", e.id).into());
    m.insert("kind".into(), e.kind.name().into());
    m.insert("proc".into(), pid_text(e.proc).into());
    m.insert("time".into(), e.time.into());
    if !e.preds.is_empty() {
        let p: Vec<serde_json::Value> = e.preds.iter().map(|e| format!("e{e}").into()).collect();
        m.insert("preds".into(), p.into());
    }
    if let Some(id) = e.msg() {
        m.insert("msg".into(), format!("m{id}").into());
    }
    if let Some((l, vc)) = &e.clock {
        m.insert("lamport".into(), (*l).into());
        if with_vc {
            let v: serde_json::Map<String, serde_json::Value> = vc
                .iter()
                .map(|(p, n)| (pid_text(*p), (*n).into()))
                .collect();
            m.insert("vc".into(), v.into());
        }
    }
    let detail = match &e.kind {
        Kind::Spawn { child } => Some(("child", pid_text(*child))),
        Kind::Send { to, term, .. } => {
            m.insert("to".into(), pid_text(*to).into());
            Some(("term", crate::term::write::write(term)))
        }
        Kind::Deliver { to, .. } => Some(("to", pid_text(*to))),
        Kind::Receive { term, .. } | Kind::Emit { term } => {
            Some(("term", crate::term::write::write(term)))
        }
        Kind::Output { text } => Some(("text", text.clone())),
        Kind::Exit { reason } => Some(("reason", crate::term::write::write(reason))),
        Kind::Signal { from, reason, .. } => {
            m.insert("from".into(), pid_text(*from).into());
            Some(("reason", crate::term::write::write(reason)))
        }
        Kind::Link { other } | Kind::Unlink { other } | Kind::Monitor { other } => {
            Some(("other", pid_text(*other)))
        }
        Kind::Register { name, pid } => {
            m.insert("other".into(), pid_text(*pid).into());
            Some(("name", name.clone()))
        }
        Kind::Duplicate { copy, .. } => Some(("copy", format!("m{copy}"))),
        Kind::Corrupt { before, after, .. } => {
            m.insert("before".into(), crate::term::write::write(before).into());
            Some(("after", crate::term::write::write(after)))
        }
        Kind::Forge { claims, .. } => Some(("claims", pid_text(*claims))),
        Kind::Partition { groups } => Some(("groups", groups.clone())),
        Kind::Round { n } => {
            m.insert("round".into(), (*n).into());
            None
        }
        Kind::Drop { .. } | Kind::Crash | Kind::Heal | Kind::Recover => None,
        Kind::Timeout => None,
    };
    if let Some((k, v)) = detail {
        m.insert(k.into(), v.into());
    }
    serde_json::Value::Object(m)
}
