//! Events and clocks: what the trace records.
//!
//! Each process event carries its Lamport timestamp and a sparse vector
//! clock; network events (a delivery into a mailbox) carry none. Ids are
//! `e1, e2, ...` for events and `m1, m2, ...` for messages, from 1 per world.

use crate::term::{Pid, Term};

/// A sparse vector clock: process -> count, zero entries left out. It is a
/// persistent map: the copy each event keeps shares its nodes with the
/// process's clock, so a trace of dense clocks does not grow quadratically.
pub type Vc = imbl::OrdMap<Pid, u64>;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Spawn {
        child: Pid,
    },
    Send {
        msg: u64,
        to: Pid,
        term: Term,
    },
    Deliver {
        msg: u64,
        to: Pid,
    },
    Receive {
        msg: u64,
        term: Term,
    },
    Output {
        text: String,
    },
    Emit {
        term: Term,
    },
    Timeout,
    Exit {
        reason: Term,
    },
    /// An exit signal (message id `msg`) that kills the process.
    Signal {
        from: Pid,
        reason: Term,
        msg: u64,
    },
    Link {
        other: Pid,
    },
    Unlink {
        other: Pid,
    },
    Monitor {
        other: Pid,
    },
    Register {
        name: String,
    },
    /// The network lost message `msg`.
    Drop {
        msg: u64,
    },
    /// The network duplicated `msg`; the copy travels as `copy`.
    Duplicate {
        msg: u64,
        copy: u64,
    },
    /// A Byzantine sender's message was corrupted.
    Corrupt {
        msg: u64,
        before: Term,
        after: Term,
    },
    /// A Byzantine sender's message claims to come from `claims`.
    Forge {
        msg: u64,
        claims: Pid,
    },
    /// The process crashed (a fault, not an Erlang exit).
    Crash,
    /// The process restarted from its initial function, its state lost.
    Recover,
    Partition {
        groups: String,
    },
    Heal,
    /// Under synchronous timing: round `n` starts.
    Round {
        n: u64,
    },
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Spawn { .. } => "spawn",
            Kind::Send { .. } => "send",
            Kind::Deliver { .. } => "deliver",
            Kind::Receive { .. } => "receive",
            Kind::Output { .. } => "output",
            Kind::Emit { .. } => "emit",
            Kind::Timeout => "timeout",
            Kind::Exit { .. } => "exit",
            Kind::Signal { .. } => "exit_signal",
            Kind::Link { .. } => "link",
            Kind::Unlink { .. } => "unlink",
            Kind::Monitor { .. } => "monitor",
            Kind::Register { .. } => "register",
            Kind::Drop { .. } => "drop",
            Kind::Duplicate { .. } => "duplicate",
            Kind::Crash => "crash",
            Kind::Corrupt { .. } => "corrupt",
            Kind::Forge { .. } => "forge",
            Kind::Recover => "recover",
            Kind::Partition { .. } => "partition",
            Kind::Heal => "heal",
            Kind::Round { .. } => "round",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Event {
    pub id: u64,
    /// The process the event happened at (for a delivery: the receiver).
    pub proc: Pid,
    pub kind: Kind,
    pub time: u64,
    /// `None` for network events.
    pub clock: Option<(u64, Vc)>,
    /// Ids of the events that immediately precede this one causally.
    pub preds: Vec<u64>,
}

pub fn pid_text(p: Pid) -> String {
    format!("<0.{}.0>", p.0)
}

/// `p3` for the third process: the short alias people type.
pub fn alias(p: Pid) -> String {
    format!("p{}", p.0.saturating_sub(super::MAIN_PID.0) + 1)
}

/// A vector clock as people read it, by alias: `{p1:2, p2:6}` (the JSON
/// trace keeps pids).
pub fn vc_text(vc: &Vc) -> String {
    let parts: Vec<String> = vc
        .iter()
        .map(|(p, n)| format!("{}:{n}", alias(*p)))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

impl Event {
    pub fn msg(&self) -> Option<u64> {
        match &self.kind {
            Kind::Send { msg, .. }
            | Kind::Deliver { msg, .. }
            | Kind::Receive { msg, .. }
            | Kind::Signal { msg, .. }
            | Kind::Drop { msg }
            | Kind::Corrupt { msg, .. }
            | Kind::Forge { msg, .. }
            | Kind::Duplicate { msg, .. } => Some(*msg),
            _ => None,
        }
    }

    fn details(&self) -> String {
        let w = crate::term::write::write;
        match &self.kind {
            Kind::Spawn { child } => pid_text(*child),
            Kind::Send { msg, to, term } => format!("m{msg} to {} {}", pid_text(*to), w(term)),
            Kind::Deliver { msg, .. } => format!("m{msg}"),
            Kind::Receive { msg, term } => format!("m{msg} {}", w(term)),
            Kind::Output { text } => format!("{text:?}"),
            Kind::Emit { term } | Kind::Exit { reason: term } => w(term),
            Kind::Timeout => String::new(),
            Kind::Signal { from, reason, .. } => format!("from {} {}", pid_text(*from), w(reason)),
            Kind::Link { other } | Kind::Unlink { other } | Kind::Monitor { other } => {
                pid_text(*other)
            }
            Kind::Register { name } => name.clone(),
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
    pub fn line(&self) -> String {
        let clocks = match &self.clock {
            Some((l, vc)) => format!("  L={l} {}", vc_text(vc)),
            None => String::new(),
        };
        format!(
            "e{:<4} t={:<6} {:<10} {:<11} {}{}",
            self.id,
            self.time,
            pid_text(self.proc),
            self.kind.name(),
            self.details(),
            clocks
        )
    }

    /// The JSON Lines record (see TRACE.md).
    pub fn json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        m.insert("id".into(), format!("e{}", self.id).into());
        m.insert("kind".into(), self.kind.name().into());
        m.insert("proc".into(), pid_text(self.proc).into());
        m.insert("time".into(), self.time.into());
        if !self.preds.is_empty() {
            let p: Vec<serde_json::Value> =
                self.preds.iter().map(|e| format!("e{e}").into()).collect();
            m.insert("preds".into(), p.into());
        }
        if let Some(id) = self.msg() {
            m.insert("msg".into(), format!("m{id}").into());
        }
        if let Some((l, vc)) = &self.clock {
            m.insert("lamport".into(), (*l).into());
            let v: serde_json::Map<String, serde_json::Value> = vc
                .iter()
                .map(|(p, n)| (pid_text(*p), (*n).into()))
                .collect();
            m.insert("vc".into(), v.into());
        }
        let detail = match &self.kind {
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
            Kind::Register { name } => Some(("name", name.clone())),
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
}
