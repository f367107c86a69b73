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
    /// `name` now names `pid`.
    Register {
        name: String,
        pid: Pid,
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
    p.to_string()
}

/// `p3` for the third process: the short alias people type.
pub fn alias(p: Pid) -> String {
    format!("p{}", p.0.saturating_sub(super::MAIN_PID.0) + 1)
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
}
