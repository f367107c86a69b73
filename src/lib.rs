//! pidlab: a laboratory for distributed processes.
//!
//! Data flows one way: `syntax` (text to trees) -> `compile` (trees to
//! bytecode) -> `vm` (processes that run it, with `bif` and `prelude` as the
//! library) -> `run` (driving processes) -> views. `diag` holds the one
//! diagnostic type and its renderer. See ARCHITECTURE.md.

pub mod alloc;
pub mod beam;
pub mod bif;
pub mod catalogue;
pub mod compile;
pub mod diag;
pub mod explore;
pub mod grade;
pub mod lesson;
pub mod prelude;
pub mod repl;
pub mod rng;
pub mod run;
pub mod syntax;
pub mod term;
pub mod trace;
pub mod view;
pub mod vm;
pub mod world;
