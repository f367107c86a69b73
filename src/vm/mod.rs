//! The virtual machine: processes as data and the loop that runs them.
//!
//! Owns the bytecode (`op`), loaded modules (`module`), exceptions, and
//! `Process` with its run loop. A process runs until it performs a visible
//! action, blocks in `receive`, spends its reduction budget or exits, and
//! then returns *why* it stopped (`Stop`); it never performs IO itself,
//! never recurses on the Rust stack per Erlang call, and never renders.

pub mod arith;
pub mod bits;
pub mod builtin;
pub mod exception;
pub mod module;
pub mod op;
pub mod process;
pub mod stop;

pub use exception::{Class, Exception};
pub use module::{Code, Module};
pub use process::Process;
pub use stop::{Effect, Limits, Stop, Wake};
