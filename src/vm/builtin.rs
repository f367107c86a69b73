//! The interface between the VM and built-in functions: what a built-in
//! may touch (`BifCtx`), its signature, and the table the VM looks calls
//! up in (`Builtins`). The VM owns this interface; `bif` implements it and
//! its table reaches the VM through `Code`, so the VM imports no built-in.

use super::Exception;
use crate::term::{Pid, Term};

/// What a built-in may touch besides its arguments.
#[derive(Debug, Default)]
pub struct BifCtx {
    pub pid: Option<Pid>,
    /// Text printed by the current step.
    pub output: String,
    pub next_ref: u64,
    /// The running process's random-number state (`rand`).
    pub rand: u64,
    /// The world's virtual time in milliseconds (read it with `now`).
    pub now_ms: u64,
    /// Whether the step read the clock: from then on the world's absolute
    /// time decides its future.
    pub read_clock: bool,
    /// The running process's dictionary (`put/2`, `get/1`, ...).
    pub dict: crate::term::TermMap,
}

impl BifCtx {
    /// The virtual time in milliseconds, noting that it was read.
    pub fn now(&mut self) -> u64 {
        self.read_clock = true;
        self.now_ms
    }
}

pub type BifFn = fn(&mut BifCtx, &[Term]) -> Result<Term, Exception>;

#[derive(Clone, Copy)]
pub struct BifRef {
    pub module: &'static str,
    pub name: &'static str,
    pub arity: usize,
    pub f: BifFn,
}

impl std::fmt::Debug for BifRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}/{}", self.module, self.name, self.arity)
    }
}

/// Where the VM finds the Rust built-ins.
pub trait Builtins: std::fmt::Debug {
    /// The built-in `module:name/arity`, if there is one.
    fn lookup(&self, module: &str, name: &str, arity: usize) -> Option<BifRef>;
    /// Whether `module:name/arity` is performed by the world (spawn, send, ...).
    fn is_world(&self, module: &str, name: &str, arity: usize) -> bool;
}

/// A table with no built-ins, for code tables made without one.
#[derive(Debug)]
pub struct NoBuiltins;

impl Builtins for NoBuiltins {
    fn lookup(&self, _: &str, _: &str, _: usize) -> Option<BifRef> {
        None
    }
    fn is_world(&self, _: &str, _: &str, _: usize) -> bool {
        false
    }
}
