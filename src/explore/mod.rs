//! Exploring every execution a program can have under a timing and fault
//! model, through `World::enabled()`/`apply()` and the world's fingerprint,
//! and checking properties on them (DESIGN.md, decisions 4 and 7).
//! Never prints: the caller shows the report.

mod por;
pub mod props;
pub mod report;
pub mod schedule;
mod search;
mod shrink;

pub use search::{
    explore, explore_after, explore_parallel, merge, Execution, Finding, Options, Progress, Report,
    Setup, Status, Strategy,
};

/// The events of an execution replayed from `start`, with clocks, for
/// showing a counterexample.
pub fn replay(
    start: &crate::world::World,
    choices: &[crate::world::Choice],
) -> Vec<crate::world::event::Event> {
    let mut w = start.clone();
    w.keep_trace = true;
    w.track_vc = true;
    let mut events = vec![];
    for c in choices {
        events.extend(w.apply(c));
    }
    events
}
