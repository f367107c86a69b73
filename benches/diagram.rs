//! How long the views take on a long trace: 10,000 events of processes
//! passing messages around a ring, read into the view model, drawn in the
//! terminal (ASCII and Unicode) and exported to every format.
//!
//! `cargo bench --bench diagram` prints milliseconds for each (the best of
//! five runs). The aim: the terminal diagram well under a second.

use pidlab::run;
use pidlab::view::diagram::{render, Options};
use pidlab::view::trace::Trace;
use pidlab::world::sched::Sched;
use pidlab::world::{Start, World};
use std::time::Instant;

/// Six processes in a ring pass a token N times round; each hop is a send
/// and a receive (plus a delivery).
const PROGRAM: &str = "-module(ring).\n-export([main/1]).\n\
    main(N) -> Ps = [spawn(fun() -> hop() end) || _ <- lists:seq(1, 6)],\n\
    [P ! {next, Q} || {P, Q} <- lists:zip(Ps, tl(Ps) ++ [hd(Ps)])],\n\
    hd(Ps) ! {token, N * 6}.\n\
    hop() -> receive {next, Q} -> loop(Q) end.\n\
    loop(Q) -> receive {token, 0} -> ok; {token, K} -> Q ! {token, K - 1}, loop(Q) end.\n";

fn trace_of(n: i64) -> Vec<pidlab::world::event::Event> {
    let (ast, _) = pidlab::syntax::parse_module(PROGRAM, None);
    let (m, _) = pidlab::compile::compile_module(&ast, "ring.erl", PROGRAM).expect("compiles");
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
    world.trace.iter().cloned().collect()
}

/// Milliseconds for `f`: the best of five runs.
fn best_ms(mut f: impl FnMut()) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let events = trace_of(560);
    println!("trace: {} events", events.len());
    let t = Trace::from_events(&events);
    let model = best_ms(|| drop(std::hint::black_box(Trace::from_events(&events))));
    println!("read into the view model  {model:8.1} ms");
    for (name, o) in [
        ("diagram, ASCII", Options::plain(120)),
        (
            "diagram, Unicode",
            Options {
                unicode: true,
                ..Options::plain(120)
            },
        ),
        (
            "diagram, --past",
            Options {
                past: t.events.last().map(|e| e.id),
                ..Options::plain(120)
            },
        ),
    ] {
        let ms = best_ms(|| drop(std::hint::black_box(render(&t, &o))));
        println!("{name:<25} {ms:8.1} ms");
    }
    for f in pidlab::view::FORMATS {
        let ms = best_ms(|| drop(std::hint::black_box(pidlab::view::export_as(&t, f))));
        println!("export {f:<18} {ms:8.1} ms");
    }
}
