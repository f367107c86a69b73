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

/// Writes JSON Lines records of events as text, the same bytes as
/// `json(e).to_string()` but without building the vector clock as a JSON
/// value: a traced run writes one clock per event, and with many processes
/// the clocks are most of the trace.
///
/// The record's keys are sorted as text, so the clock's pids are written in
/// the order of their text, not of their numbers. That order is kept from
/// one record to the next and found again only when the clock's set of
/// processes changes (in a long run it rarely does).
#[derive(Default)]
pub struct JsonWriter {
    /// The pids of the last clock, in pid order.
    pids: Vec<crate::term::Pid>,
    /// Their keys as written (`,"<0.81.0>":`), one after another, and
    /// where each one is.
    names: String,
    spans: Vec<std::ops::Range<usize>>,
    /// Indexes into `pids` in the order of their texts.
    order: Vec<usize>,
    /// This clock's counts, in pid order.
    counts: Vec<u64>,
}

impl JsonWriter {
    /// Writes `e`'s record into `out`, which is cleared first.
    pub fn write(&mut self, e: &Event, out: &mut String) {
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
        self.counts.clear();
        let same =
            vc.len() == self.pids.len() && vc.iter().zip(&self.pids).all(|((p, _), q)| p == q);
        if same {
            self.counts.extend(vc.iter().map(|(_, n)| *n));
        } else {
            self.learn(vc);
        }
        let mut digits = itoa::Buffer::new();
        for (k, &i) in self.order.iter().enumerate() {
            // Each key is kept as `,"<pid>":`; the first goes without comma.
            let key = self.spans.get(i).and_then(|r| self.names.get(r.clone()));
            let key = key.unwrap_or_default();
            out.push_str(if k == 0 {
                key.get(1..).unwrap_or_default()
            } else {
                key
            });
            out.push_str(digits.format(self.counts.get(i).copied().unwrap_or(0)));
        }
        out.push_str("}}");
    }

    /// Takes `vc`'s pids as the ones to write, with their keys (pids need
    /// no escaping) and their order as text (which the key's punctuation
    /// around the pid does not change).
    fn learn(&mut self, vc: &Vc) {
        self.pids.clear();
        self.names.clear();
        self.spans.clear();
        let mut digits = itoa::Buffer::new();
        for (p, n) in vc.iter() {
            let start = self.names.len();
            self.names.push_str(",\"<");
            self.names.push_str(digits.format(p.node()));
            self.names.push('.');
            self.names.push_str(digits.format(p.number()));
            self.names.push('.');
            self.names.push_str(digits.format(p.serial()));
            self.names.push_str(">\":");
            self.spans.push(start..self.names.len());
            self.pids.push(*p);
            self.counts.push(*n);
        }
        let (names, spans) = (&self.names, &self.spans);
        let text = |i: &usize| spans.get(*i).and_then(|r| names.get(r.clone()));
        self.order.clear();
        self.order.extend(0..self.pids.len());
        self.order.sort_by(|a, b| text(a).cmp(&text(b)));
    }
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
