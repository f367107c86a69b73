//! Why a process stops running, and the actions it asks its world for.
//!
//! The VM never performs IO or touches other processes: `Process::run`
//! returns a `Stop`, and a visible action is an `Effect` the world applies.

use super::exception::Exception;
use crate::term::{Atom, Term};

/// Why a waiting process was woken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Wake {
    Message,
    Timeout,
}

/// A visible action the process asks its world to perform.
#[derive(Clone, Debug)]
pub enum Effect {
    Send {
        to: Term,
        msg: Term,
    },
    Output(String),
    /// A `receive` took the message at `index` of the mailbox.
    Received {
        index: usize,
        msg: Term,
    },
    /// A built-in the world performs; answer with `resume_with` or `resume_error`.
    Bif {
        module: Atom,
        function: Atom,
        args: Vec<Term>,
    },
}

/// Why `run` returned.
#[derive(Clone, Debug)]
pub enum Stop {
    /// The process ended: `Ok(value)` of its initial call, or the uncaught exception.
    Exit(Result<Term, Exception>),
    /// Blocked in `receive`; `Some(ms)` when an `after` is pending.
    Wait(Option<u64>),
    /// The reduction budget is spent; the process can run on.
    Yield,
    /// A visible action; the process continues after it is applied.
    Effect(Effect),
}

/// Bounds that keep a process from hurting the host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    pub max_frames: usize,
    pub max_stack: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_frames: 10_000_000,
            max_stack: 50_000_000,
        }
    }
}
