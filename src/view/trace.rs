//! The trace as the views read it: the JSON Lines records of TRACE.md,
//! whether they come from a live world or from a saved file. Every view
//! (the terminal diagram, the exports, the web page) draws from this one
//! model, so a saved trace and a live one look the same.

use crate::diag::{Diagnostic, Span};
use crate::term::Pid;
use crate::world::event::Event;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One event of the trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ev {
    pub id: u64,
    pub kind: String,
    pub proc: Pid,
    pub time: u64,
    /// Lamport time and vector clock; `None` for network events.
    pub lamport: Option<u64>,
    pub vc: BTreeMap<Pid, u64>,
    pub msg: Option<u64>,
    pub preds: Vec<u64>,
    pub to: Option<Pid>,
    pub child: Option<Pid>,
    pub copy: Option<u64>,
    pub name: Option<String>,
    /// What the event carries, for people: the term, text, reason, ...
    pub detail: String,
    /// The record as TRACE.md writes it.
    pub raw: Value,
}

impl Ev {
    /// A process event (it has clocks); network events and faults the
    /// network makes have none.
    pub fn is_process_event(&self) -> bool {
        self.lamport.is_some()
    }
}

/// A message: where it starts (its send, or for a copy its original's
/// send) and how it ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub id: u64,
    /// The event it leaves from.
    pub send: u64,
    pub from: Pid,
    pub to: Option<Pid>,
    /// The message this one is a network copy of.
    pub copy_of: Option<u64>,
    pub deliver: Option<u64>,
    pub receive: Option<u64>,
    pub drop: Option<u64>,
}

#[derive(Clone, Debug, Default)]
pub struct Trace {
    pub events: Vec<Ev>,
    /// Messages by id, in id order.
    pub msgs: BTreeMap<u64, Msg>,
    /// The processes in pid order (in a trace of several nodes, in the
    /// order they appeared).
    pub procs: Vec<Pid>,
    /// Registered names.
    pub names: HashMap<Pid, String>,
    /// Short names (`p2`): by pid for the simulator's processes, by first
    /// appearance in a trace that spans several nodes.
    aliases: HashMap<Pid, String>,
    index: HashMap<u64, usize>,
}

fn pid_of(s: &str) -> Option<Pid> {
    Pid::parse(s)
}

fn event_id(s: &str) -> Option<u64> {
    s.strip_prefix('e')?.parse().ok()
}

fn msg_id(s: &str) -> Option<u64> {
    s.strip_prefix('m')?.parse().ok()
}

/// Why a record could not be read.
fn bad(what: &str) -> String {
    format!("`{what}` is missing or not in the form TRACE.md gives")
}

fn ev_from_json(v: &Value) -> Result<Ev, String> {
    let o = v.as_object().ok_or("a trace line must be a JSON object")?;
    let s = |k: &str| o.get(k).and_then(Value::as_str);
    let id = s("id").and_then(event_id).ok_or_else(|| bad("id"))?;
    let kind = s("kind").ok_or_else(|| bad("kind"))?.to_string();
    let proc = s("proc").and_then(pid_of).ok_or_else(|| bad("proc"))?;
    let pid_field = |k: &str| -> Result<Option<Pid>, String> {
        match o.get(k) {
            None => Ok(None),
            Some(v) => v.as_str().and_then(pid_of).map(Some).ok_or_else(|| bad(k)),
        }
    };
    let msg_field = |k: &str| -> Result<Option<u64>, String> {
        match o.get(k) {
            None => Ok(None),
            Some(v) => v.as_str().and_then(msg_id).map(Some).ok_or_else(|| bad(k)),
        }
    };
    let preds = match o.get("preds") {
        None => vec![],
        Some(Value::Array(a)) => a
            .iter()
            .map(|p| p.as_str().and_then(event_id).ok_or_else(|| bad("preds")))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(bad("preds")),
    };
    let mut vc = BTreeMap::new();
    match o.get("vc") {
        None => {}
        Some(Value::Object(m)) => {
            for (k, n) in m {
                let p = pid_of(k).ok_or_else(|| bad("vc"))?;
                vc.insert(p, n.as_u64().ok_or_else(|| bad("vc"))?);
            }
        }
        Some(_) => return Err(bad("vc")),
    }
    let lamport = match o.get("lamport") {
        None => None,
        Some(n) => Some(n.as_u64().ok_or_else(|| bad("lamport"))?),
    };
    let time = o.get("time").and_then(Value::as_u64).unwrap_or(0);
    let detail = match (s("before"), s("after")) {
        (Some(b), Some(a)) => format!("{b} -> {a}"),
        _ => [
            "term", "text", "reason", "other", "name", "groups", "claims",
        ]
        .iter()
        .find_map(|k| s(k))
        .unwrap_or("")
        .to_string(),
    };
    Ok(Ev {
        id,
        kind,
        proc,
        time,
        lamport,
        vc,
        msg: msg_field("msg")?,
        preds,
        to: pid_field("to")?,
        child: pid_field("child")?,
        copy: msg_field("copy")?,
        name: s("name").map(str::to_string),
        detail,
        raw: v.clone(),
    })
}

impl Trace {
    /// The trace of a live world, read through the same records a saved
    /// trace has.
    pub fn from_events(events: &[Event]) -> Trace {
        let evs = events
            .iter()
            .filter_map(|e| ev_from_json(&super::event::json(e)).ok())
            .collect();
        Trace::build(evs)
    }

    /// A saved trace (JSON Lines, TRACE.md). A line that is not a record
    /// is an error at that line; blank lines are skipped.
    pub fn parse(text: &str) -> Result<Trace, Box<Diagnostic>> {
        let mut evs: Vec<Ev> = vec![];
        let mut offset = 0;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            let span = Span::new(offset, offset + line.trim_end().len());
            offset += line.len();
            if line.trim().is_empty() {
                continue;
            }
            let fail = |why: String| {
                Box::new(
                    Diagnostic::error(format!("line {} is not a trace event", n + 1))
                        .at(span, why)
                        .help("a trace is what `pidlab run --trace-json FILE` writes: one JSON object per line (see TRACE.md)"),
                )
            };
            let v: Value = serde_json::from_str(line).map_err(|e| fail(e.to_string()))?;
            let ev = ev_from_json(&v).map_err(fail)?;
            if let Some(prev) = evs.last() {
                if ev.id <= prev.id {
                    return Err(fail(format!(
                        "event e{} comes after e{}: ids must increase",
                        ev.id, prev.id
                    )));
                }
            }
            evs.push(ev);
        }
        Ok(Trace::build(evs))
    }

    fn build(events: Vec<Ev>) -> Trace {
        let index: HashMap<u64, usize> =
            events.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        let mut procs = BTreeSet::new();
        let mut names = HashMap::new();
        let mut msgs: BTreeMap<u64, Msg> = BTreeMap::new();
        for e in &events {
            procs.insert(e.proc);
            if let Some(c) = e.child {
                procs.insert(c);
            }
            if e.kind == "register" {
                if let Some(n) = &e.name {
                    // The process named is `other` (older traces: the
                    // process that registered).
                    let who = e
                        .raw
                        .get("other")
                        .and_then(Value::as_str)
                        .and_then(pid_of)
                        .unwrap_or(e.proc);
                    names.insert(who, n.clone());
                }
            }
            let Some(m) = e.msg else { continue };
            match e.kind.as_str() {
                "send" => {
                    msgs.insert(
                        m,
                        Msg {
                            id: m,
                            send: e.id,
                            from: e.proc,
                            to: e.to,
                            copy_of: None,
                            deliver: None,
                            receive: None,
                            drop: None,
                        },
                    );
                }
                "duplicate" => {
                    if let (Some(copy), Some(orig)) = (e.copy, msgs.get(&m).cloned()) {
                        msgs.insert(
                            copy,
                            Msg {
                                id: copy,
                                copy_of: Some(m),
                                deliver: None,
                                receive: None,
                                drop: None,
                                ..orig
                            },
                        );
                    }
                }
                "deliver" => {
                    if let Some(msg) = msgs.get_mut(&m) {
                        msg.deliver = Some(e.id);
                    }
                }
                "receive" | "exit_signal" => {
                    if let Some(msg) = msgs.get_mut(&m) {
                        msg.receive = Some(e.id);
                        msg.to = Some(e.proc);
                    }
                }
                "drop" => {
                    if let Some(msg) = msgs.get_mut(&m) {
                        msg.drop = Some(e.id);
                    }
                }
                _ => {}
            }
        }
        let mut aliases = HashMap::new();
        if procs.iter().any(|p| p.node() != 0) {
            for e in &events {
                for p in std::iter::once(e.proc).chain(e.child) {
                    let next = format!("p{}", aliases.len() + 1);
                    aliases.entry(p).or_insert(next);
                }
            }
        }
        let mut procs: Vec<Pid> = procs.into_iter().collect();
        if !aliases.is_empty() {
            // Lanes in the order the processes appeared, as their aliases.
            procs.sort_by_key(|p| {
                aliases
                    .get(p)
                    .and_then(|a| a.get(1..)?.parse::<usize>().ok())
                    .unwrap_or(usize::MAX)
            });
        }
        Trace {
            events,
            msgs,
            procs,
            names,
            aliases,
            index,
        }
    }

    pub fn get(&self, id: u64) -> Option<&Ev> {
        self.events.get(*self.index.get(&id)?)
    }

    /// How people call a process: `p2`, or its registered name.
    pub fn proc_name(&self, p: Pid) -> String {
        match self.names.get(&p) {
            Some(n) => n.clone(),
            None => self.alias(p),
        }
    }

    /// The short name people type: `p2`.
    pub fn alias(&self, p: Pid) -> String {
        match self.aliases.get(&p) {
            Some(a) => a.clone(),
            None => crate::world::event::alias(p),
        }
    }

    /// Every event that happens before `id` (not including it).
    pub fn past(&self, id: u64) -> BTreeSet<u64> {
        let preds = |x: u64| self.get(x).map(|e| e.preds.as_slice());
        crate::trace::past_through(preds(id).unwrap_or_default(), preds)
    }

    /// Every event that `id` happens before.
    pub fn future(&self, id: u64) -> BTreeSet<u64> {
        crate::trace::future_through(id, self.events.iter().map(|e| (e.id, e.preds.as_slice())))
    }

    /// The process a person names: alias (`p2`), pid (`<0.81.0>`) or
    /// registered name; or what the processes are.
    pub fn find_proc(&self, s: &str) -> Result<Pid, String> {
        self.procs
            .iter()
            .copied()
            .find(|p| {
                self.alias(*p) == s
                    || crate::world::event::pid_text(*p) == s
                    || self.names.get(p).is_some_and(|n| n == s)
            })
            .ok_or_else(|| {
                let all: Vec<String> = self.procs.iter().map(|p| self.proc_name(*p)).collect();
                format!(
                    "there is no process `{s}` in this trace; it has {}",
                    all.join(", ")
                )
            })
    }

    /// The process events neither before nor after `id`.
    pub fn concurrent(&self, id: u64) -> Vec<u64> {
        let (past, future) = (self.past(id), self.future(id));
        self.events
            .iter()
            .filter(|e| e.is_process_event() && e.id != id)
            .map(|e| e.id)
            .filter(|e| !past.contains(e) && !future.contains(e))
            .collect()
    }

    /// Whether the cut given by its frontier events is consistent: every
    /// event a cut event depends on is inside the cut. A cut holds, on
    /// each process named, that process's events up to its frontier event;
    /// processes not named contribute none. Returns the first pair that
    /// breaks it: (an event inside, an event it depends on outside).
    pub fn cut_violation(&self, frontier: &[u64]) -> Result<Option<(u64, u64)>, String> {
        let mut upto: HashMap<Pid, u64> = HashMap::new();
        for id in frontier {
            let e = self.get(*id).ok_or(format!("there is no event e{id}"))?;
            if upto.insert(e.proc, *id).is_some() {
                return Err(format!(
                    "the cut names two events of {}: give one frontier event per process",
                    self.proc_name(e.proc)
                ));
            }
        }
        let inside = |e: &Ev| upto.get(&e.proc).is_some_and(|&f| e.id <= f);
        // An event inside the cut depends on nothing its process's
        // frontier event does not depend on, so the frontier events say it.
        for f in frontier {
            for p in self.past(*f) {
                if let Some(pe) = self.get(p) {
                    if pe.is_process_event() && !inside(pe) {
                        return Ok(Some((*f, p)));
                    }
                }
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_line_is_an_error_at_that_line() {
        let text = "{\"id\":\"e1\",\"kind\":\"spawn\",\"proc\":\"<0.80.0>\"}\nnot json\n";
        let d = Trace::parse(text).err().map(|d| d.message);
        assert_eq!(d.as_deref(), Some("line 2 is not a trace event"));
    }
}
