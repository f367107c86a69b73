//! A process: plain data the VM runs.
//!
//! A process is a control block (frames, handlers), a stack of slots and a
//! mailbox with a receive cursor, all plain data: cloning a process clones
//! its state. `run` executes until the process stops and says why.
//!
//! The dispatch loop is in `exec`, the call and frame machinery (entering
//! and leaving frames, resolving funs and names, unwinding to a handler)
//! in `call`; the stop and effect types are `super::stop`.

use super::builtin::BifCtx;
use super::exception::{Exception, Location};
use super::module::{Code, Module};
pub use super::stop::{Effect, Limits, Stop, Wake};
use crate::term::{Pid, Term};
use std::collections::VecDeque;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub struct Frame {
    pub module: Rc<Module>,
    pub func: u32,
    pub pc: u32,
    pub base: u32,
    /// The caller's slot that receives this frame's result.
    pub ret: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Handler {
    depth: usize,
    pc: u32,
    class: u32,
    reason: u32,
    stack: u32,
}

#[derive(Debug)]
pub struct Process {
    pub pid: Pid,
    pub stack: Vec<Term>,
    pub frames: Vec<Frame>,
    handlers: Vec<Handler>,
    pub mailbox: VecDeque<Term>,
    pub cursor: usize,
    pub wake: Option<Wake>,
    pub reductions: u64,
    pub limits: Limits,
    /// The state of this process's random numbers (`rand`).
    pub rand: u64,
    /// The process dictionary (`put/2`, `get/1`).
    pub dict: crate::term::TermMap,
    args: Vec<Term>,
    /// Where the answer of a world built-in goes: a slot, or `None` for a
    /// tail call (the answer is returned).
    pending: Option<Option<u32>>,
    /// Boxed: it is rare, and every process carries the field.
    pending_error: Option<Box<Exception>>,
    /// Reused for gathering call arguments; always empty between ops.
    scratch: Vec<Term>,
}

/// Room a copy leaves in its stack, frames and mailbox beyond what they
/// hold: a copied process is about to run or to receive, and a vector
/// copied to its exact length must move on its first push.
const HEADROOM: usize = 8;

/// A copy of `v` with room for `HEADROOM` more.
fn roomy<T: Clone>(v: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(v.len() + HEADROOM);
    out.extend_from_slice(v);
    out
}

/// A copy of queue `q` with room for `HEADROOM` more, if it holds
/// anything (an empty queue costs nothing until its first push).
pub fn roomy_queue<T: Clone>(q: &VecDeque<T>) -> VecDeque<T> {
    if q.is_empty() {
        return VecDeque::new();
    }
    let mut out = VecDeque::with_capacity(q.len() + HEADROOM);
    out.extend(q.iter().cloned());
    out
}

impl Clone for Process {
    fn clone(&self) -> Process {
        Process {
            pid: self.pid,
            stack: roomy(&self.stack),
            frames: roomy(&self.frames),
            handlers: self.handlers.clone(),
            mailbox: roomy_queue(&self.mailbox),
            cursor: self.cursor,
            wake: self.wake,
            reductions: self.reductions,
            limits: self.limits,
            rand: self.rand,
            dict: self.dict.clone(),
            args: self.args.clone(),
            pending: self.pending,
            pending_error: self.pending_error.clone(),
            scratch: Vec::new(),
        }
    }
}

/// Result of executing until something other than plain computation.
type Flow = Result<Stop, Exception>;

/// Reads an operand: a clone of a slot, or the constant.
macro_rules! get {
    ($self:ident, $base:ident, $src:expr) => {
        match $src {
            Src::Reg(r) => $self
                .stack
                .get($base + *r as usize)
                .cloned()
                .unwrap_or_default(),
            Src::Const(t) => t.clone(),
        }
    };
}

/// Borrows an operand without cloning it; `$nil` stands in for a bad slot.
macro_rules! val {
    ($self:ident, $base:ident, $src:expr, $nil:expr) => {
        match $src {
            Src::Reg(r) => $self.stack.get($base + *r as usize).unwrap_or($nil),
            Src::Const(t) => t,
        }
    };
}

/// `set!` for a small integer: a slot that holds one is updated in place,
/// which spares building the term in memory and copying it.
macro_rules! set_int {
    ($self:ident, $base:ident, $dst:expr, $r:expr) => {{
        let r: i64 = $r;
        match $self.stack.get_mut($base + $dst as usize) {
            Some(Term::Int(d)) => *d = r,
            Some(s) => std::mem::replace(s, Term::Int(r)).discard(),
            None => {}
        }
    }};
}

macro_rules! set {
    ($self:ident, $base:ident, $dst:expr, $v:expr) => {{
        let v = $v;
        if let Some(s) = $self.stack.get_mut($base + $dst as usize) {
            std::mem::replace(s, v).discard();
        }
    }};
}

mod call;
mod exec;
mod rare;

impl Process {
    /// A process that will call `module`'s function `func` with `args`.
    pub fn new(pid: Pid, module: Rc<Module>, func: u32, args: Vec<Term>, env: &[Term]) -> Process {
        let mut p = Process {
            pid,
            stack: vec![],
            frames: vec![],
            handlers: vec![],
            mailbox: VecDeque::new(),
            cursor: 0,
            wake: None,
            reductions: 0,
            limits: Limits::default(),
            rand: 0,
            dict: crate::term::TermMap::new(),
            args: vec![],
            pending: None,
            pending_error: None,
            scratch: vec![],
        };
        let mut all = args;
        all.extend_from_slice(env);
        let slots = module.function(func).map_or(1, |f| f.frame_size());
        all.resize(slots.max(all.len()), Term::Nil);
        p.stack = all;
        p.frames.push(Frame {
            module,
            func,
            pc: 0,
            base: 0,
            ret: 0,
        });
        p
    }

    /// Lets go of everything an ended process held but its pid and the
    /// state of its random numbers.
    pub fn end(&mut self) {
        self.stack.clear();
        self.frames.clear();
        self.handlers.clear();
        self.mailbox.clear();
        self.cursor = 0;
        self.wake = None;
        self.dict = crate::term::TermMap::new();
        self.args.clear();
        self.pending = None;
        self.pending_error = None;
        self.scratch = vec![];
    }

    /// Answers a world built-in the process asked for.
    pub fn resume_with(&mut self, v: Term) {
        match self.pending.take() {
            Some(Some(dst)) => {
                let base = self.frames.last().map(|f| f.base as usize).unwrap_or(0);
                if let Some(s) = self.stack.get_mut(base + dst as usize) {
                    std::mem::replace(s, v).discard();
                }
            }
            Some(None) => {
                self.pop_frame(v);
            }
            None => {}
        }
    }

    /// Makes a world built-in fail with `e` in the process.
    pub fn resume_error(&mut self, e: Exception) {
        self.pending = None;
        self.pending_error = Some(Box::new(e));
    }

    /// Raises `e` at the process's current point (an exit signal it cannot trap).
    pub fn kill(&mut self, e: Exception) {
        self.pending_error = Some(Box::new(e));
    }

    /// Runs for at most `budget` reductions.
    pub fn run(&mut self, code: &Code, ctx: &mut BifCtx, budget: u64) -> Stop {
        let mut budget = budget;
        let stop = loop {
            match self.exec(code, ctx, &mut budget) {
                Ok(stop) => break stop,
                Err(e) => {
                    if let Some(stop) = self.unwind(e) {
                        break stop;
                    }
                }
            }
        };
        // A copy of a stopped process, which the explorer and time travel
        // make at every step, copies only what its frames can still read.
        self.trim();
        stop
    }

    fn location(&self, pc: u32) -> Option<Location> {
        let f = self.frames.last()?;
        let code = f.module.function(f.func)?;
        let span = code.span_at(pc as usize);
        Some(Location {
            module: f.module.name,
            function: code.name,
            arity: code.arity,
            span,
            line: f.module.line_of(span.lo),
        })
    }
}

impl std::hash::Hash for Frame {
    /// Code is identified by module name and version, not by address.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (
            self.module.name,
            self.module.uniq,
            self.func,
            self.pc,
            self.base,
            self.ret,
        )
            .hash(state);
    }
}

impl Process {
    /// Calls `f` with the stack index of every slot some frame may still
    /// read (by the compiler's liveness pass), bottom frame first. A slot
    /// about to receive a call's result or a built-in's answer is dead.
    pub fn live_slots(&self, mut f: impl FnMut(usize)) {
        let n = self.frames.len();
        for (i, fr) in self.frames.iter().enumerate() {
            let Some(code) = fr.module.function(fr.func) else {
                continue;
            };
            let written = match self.frames.get(i + 1) {
                Some(above) => Some(above.ret),
                None if i + 1 == n => self.pending.flatten(),
                None => None,
            };
            let size = code.frame_size();
            let mut take = |slot: usize| {
                if Some(slot as u32) != written {
                    f(fr.base as usize + slot);
                }
            };
            match code.live.row(fr.pc as usize) {
                // The set bits of the row, lowest first.
                Some(row) => {
                    for (k, word) in row.iter().enumerate() {
                        let mut w = *word;
                        while w != 0 {
                            let slot = k * 64 + w.trailing_zeros() as usize;
                            if slot >= size {
                                break;
                            }
                            take(slot);
                            w &= w - 1;
                        }
                    }
                    // Slots past the rows' end count as live.
                    (row.len() * 64..size).for_each(take);
                }
                // Code built by hand, with no analysis: every slot.
                None => (0..size).for_each(take),
            }
        }
    }

    /// Empties every slot no frame will read again, freeing what it held.
    /// Nothing changes in what the process does: a test runs programs with
    /// this after every step to check the compiler's liveness pass.
    pub fn scrub_dead_slots(&mut self) {
        let mut live = vec![false; self.stack.len()];
        self.live_slots(|i| {
            if let Some(l) = live.get_mut(i) {
                *l = true;
            }
        });
        for (slot, keep) in self.stack.iter_mut().zip(live) {
            if !keep {
                std::mem::replace(slot, Term::Nil).discard();
            }
        }
    }
}

impl std::hash::Hash for Process {
    /// What decides the process's future: its live slots (stale ones are
    /// left out), frames, handlers, mailbox, random state and dictionary.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.pid.hash(state);
        self.live_slots(|i| {
            if let Some(v) = self.stack.get(i) {
                (i, v).hash(state);
            }
        });
        self.frames.hash(state);
        self.handlers.hash(state);
        self.mailbox.hash(state);
        self.cursor.hash(state);
        self.rand.hash(state);
        self.dict.hash(state);
        self.wake.hash(state);
        self.pending.hash(state);
        self.pending_error.hash(state);
    }
}
