//! What tracing costs: a ring of 100 processes passing a token 1000 times
//! around (10^5 messages), run three ways on the same scheduler:
//! untraced (what `pidlab run` does without trace flags), with vector
//! clocks kept per process but no trace (what `--trace-json` pays before
//! writing), and as the shell runs, every event kept with its clocks.
//!
//! `cargo bench --bench trace` prints seconds for each (the best of three)
//! and the ratios to the untraced run, and the memory the shell's trace
//! holds per event.

use pidlab::run::{self, Hooks, RunLimits};
use pidlab::term::{Atom, Term};
use pidlab::world::World;
use std::time::Instant;

#[global_allocator]
static ALLOC: pidlab::alloc::Counting = pidlab::alloc::Counting;

/// Seconds for one run of the ring, the events the world kept and the
/// bytes the world holds at the end.
fn ring(track_vc: bool, keep_trace: bool) -> (f64, usize, usize) {
    let held = pidlab::alloc::live_bytes();
    let src = std::fs::read_to_string("benches/ring.erl").expect("benches/ring.erl");
    let (ast, _) = pidlab::syntax::parse_module(&src, None);
    let (m, _) = pidlab::compile::compile_module(&ast, "ring.erl", &src).expect("compiles");
    let mut code = run::new_code();
    let m = code.load(m);
    let main = *m.exports.get(&(Atom::new("main"), 1)).expect("main/1");
    let mut world = World::new(code);
    world.track_vc = track_vc;
    world.keep_trace = keep_trace;
    let args = run::main_args(&["100".to_string(), "1000".to_string()]);
    let start = Instant::now();
    let hooks = Hooks {
        output: &mut |_| {},
        event: &mut |_| {},
        crash: &mut |_, _, _| {},
    };
    let report = run::run_main(
        &mut world,
        &m,
        main,
        vec![args],
        RunLimits::default(),
        false,
        hooks,
    );
    let secs = start.elapsed().as_secs_f64();
    assert!(
        matches!(report.outcome, run::Outcome::Returned(Term::Atom(_))),
        "the ring ends: {:?}",
        report.outcome
    );
    let bytes = pidlab::alloc::live_bytes().saturating_sub(held);
    (secs, world.trace.len(), bytes)
}

fn best(track_vc: bool, keep_trace: bool) -> (f64, usize, usize) {
    (0..3)
        .map(|_| ring(track_vc, keep_trace))
        .fold((f64::INFINITY, 0, 0), |(s, _, _), (t, n, b)| {
            (s.min(t), n, b)
        })
}

fn main() {
    let (plain, _, _) = best(false, false);
    let (clocks, _, _) = best(true, false);
    let (shell, events, bytes) = best(true, true);
    println!("{:<14} {:>8} {:>8}", "ring100", "seconds", "x plain");
    println!("{:<14} {plain:>8.3} {:>8.2}", "untraced", 1.0);
    println!("{:<14} {clocks:>8.3} {:>8.2}", "clocks", clocks / plain);
    println!("{:<14} {shell:>8.3} {:>8.2}", "shell trace", shell / plain);
    println!(
        "shell trace: {events} events, {} bytes per event (clocks of 100 processes)",
        bytes / events.max(1)
    );
}
