//! What a clone of the world costs, with a long history and with a short
//! one, for the same live state: the explorer and time travel clone at
//! every step, so a clone must cost the live state only.
//!
//! `cargo bench --bench clone` prints microseconds per clone and per
//! fingerprint for each world, and the ratio long/short.

use pidlab::run;
use pidlab::world::sched::Sched;
use pidlab::world::{Start, World};
use std::time::Instant;

const PROGRAM: &str = "-module(hist).\n-export([main/1]).\n\
    main(N) -> Me = self(),\n\
    [spawn(fun() -> Me ! {done, I} end) || I <- lists:seq(1, N)],\n\
    [receive {done, _} -> ok end || _ <- lists:seq(1, N)],\n\
    Servers = [spawn(fun() -> serve(K) end) || K <- lists:seq(1, 3)],\n\
    [S ! {hello, K} || {S, K} <- lists:zip(Servers, [1, 2, 3])],\n\
    receive stop -> ok end.\n\
    serve(K) -> receive {hello, J} -> serve(K + J) end.\n";

/// The world once nothing more can happen, after `n` short-lived processes.
fn world_after(n: i64) -> World {
    let (ast, _) = pidlab::syntax::parse_module(PROGRAM, None);
    let (m, _) = pidlab::compile::compile_module(&ast, "hist.erl", PROGRAM).expect("compiles");
    let mut code = run::new_code();
    let m = code.load(m);
    let main = *m
        .exports
        .get(&(pidlab::term::Atom::new("main"), 1))
        .expect("main/1");
    let mut world = World::new(code);
    world
        .spawn_process(None, Start::Call(m, main, vec![pidlab::term::Term::Int(n)]))
        .expect("starts");
    let mut sched = Sched::random(1);
    while let Some(c) = sched.pick(&world) {
        world.apply(&c);
    }
    world
}

/// Microseconds per call of `f`: the best of five batches of calls.
fn per_call(mut f: impl FnMut()) -> f64 {
    let rounds = 20_000;
    (0..5)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..rounds {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds)
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let short = world_after(0);
    let long = world_after(10_000);
    // The same live state: main and three servers, each waiting (their
    // pids differ, and the pid counter).
    assert_eq!(short.procs.len(), long.procs.len());
    let clone_short = per_call(|| drop(std::hint::black_box(short.clone())));
    let clone_long = per_call(|| drop(std::hint::black_box(long.clone())));
    let fp_short = per_call(|| {
        std::hint::black_box(short.fingerprint());
    });
    let fp_long = per_call(|| {
        std::hint::black_box(long.fingerprint());
    });
    println!(
        "history: short {} events, long {} events ({} ended processes)",
        short.trace.len(),
        long.trace.len(),
        long.exited.len()
    );
    println!(
        "clone        short {clone_short:8.2} us   long {clone_long:8.2} us   ratio {:.2}",
        clone_long / clone_short
    );
    println!(
        "fingerprint  short {fp_short:8.2} us   long {fp_long:8.2} us   ratio {:.2}",
        fp_long / fp_short
    );
}
