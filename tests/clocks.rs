//! Lamport and vector clocks against happens-before, over random programs
//! and seeds, plus determinism of the whole trace.

use pidlab::run::{self, RunLimits};
use pidlab::trace::{causal_past, happens_before, vc_cmp};
use pidlab::world::event::{Event, Kind};
use pidlab::world::sched::Sched;
use pidlab::world::World;
use proptest::prelude::*;
use std::cmp::Ordering;

/// Runs `src` (module `gen`, `main/0`) under the random scheduler.
fn trace_of(src: &str, seed: u64) -> Vec<Event> {
    trace_with(src, seed, pidlab::world::faults::FaultPlan::default())
}

/// Like `trace_of`, with a fault plan.
fn trace_with(src: &str, seed: u64, plan: pidlab::world::faults::FaultPlan) -> Vec<Event> {
    let (ast, diags) = pidlab::syntax::parse_module(src, Some("gen"));
    assert!(diags.is_empty(), "{diags:?}");
    let (m, _) =
        pidlab::compile::compile_module(&ast, "gen.erl", src).expect("generated program compiles");
    let mut code = run::new_code();
    let m = code.load(m);
    let func = *m.exports.values().next().expect("main/0 is exported");
    let mut world = World::new(code);
    world.faults = plan.into();
    world.seed = seed;
    let limits = RunLimits {
        max_reductions: 1_000_000,
        sched: Sched::random(seed),
    };
    run::run_world(
        &mut world,
        &m,
        func,
        vec![],
        limits,
        &mut |_| {},
        &mut |_| {},
    );
    world.trace.iter().cloned().collect()
}

/// Workers that send to and receive from each other by a script.
fn program(scripts: &[Vec<u8>]) -> String {
    let scripts: Vec<String> = scripts
        .iter()
        .map(|s| {
            let acts: Vec<String> = s
                .iter()
                .map(|a| match a % 3 {
                    0 => format!("{{send, {}}}", a / 3),
                    1 => "recv".to_string(),
                    _ => "emit".to_string(),
                })
                .collect();
            format!("[{}]", acts.join(", "))
        })
        .collect();
    format!(
        "-module(gen).\n-export([main/0]).\n\
         main() ->\n    Me = self(),\n    Scripts = [{}],\n\
         \x20   Pids = [spawn(fun() -> receive {{peers, Ps}} -> run(S, Ps, Me) end end) || S <- Scripts],\n\
         \x20   [P ! {{peers, Pids}} || P <- Pids],\n\
         \x20   [receive done -> ok end || _ <- Pids],\n    ok.\n\
         run([], _, Main) -> Main ! done;\n\
         run([{{send, I}} | T], Ps, Main) -> lists:nth(I rem length(Ps) + 1, Ps) ! {{hello, self()}}, run(T, Ps, Main);\n\
         run([recv | T], Ps, Main) -> receive {{hello, _}} -> ok after 5 -> ok end, run(T, Ps, Main);\n\
         run([emit | T], Ps, Main) -> pidlab:emit(step), run(T, Ps, Main).\n",
        scripts.join(", ")
    )
}

fn lamport(e: &Event) -> Option<u64> {
    e.clock.as_ref().map(|(l, _)| *l)
}

fn check_clocks(trace: &[Event]) -> Result<(), TestCaseError> {
    let procs: Vec<&Event> = trace.iter().filter(|e| e.clock.is_some()).collect();
    for b in &procs {
        let past = causal_past(trace, b.id);
        // The lecture's Lamport rules, exactly.
        let pred_l: Vec<u64> = b
            .preds
            .iter()
            .filter_map(|p| trace.get(*p as usize - 1))
            .filter_map(lamport)
            .collect();
        let expected = pred_l.iter().copied().max().unwrap_or(0) + 1;
        prop_assert_eq!(lamport(b), Some(expected), "Lamport rule at e{}", b.id);
        for a in &procs {
            if a.id == b.id {
                continue;
            }
            let hb = past.contains(&a.id);
            if hb {
                prop_assert!(
                    lamport(a) < lamport(b),
                    "e{} -> e{} but L does not grow",
                    a.id,
                    b.id
                );
            }
            let (Some((_, va)), Some((_, vb))) = (&a.clock, &b.clock) else {
                continue;
            };
            let vc_less = vc_cmp(va, vb) == Some(Ordering::Less);
            prop_assert_eq!(
                hb,
                vc_less,
                "e{} -> e{} is {} but V(a) < V(b) is {}",
                a.id,
                b.id,
                hb,
                vc_less
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn clocks_follow_happens_before(
        scripts in prop::collection::vec(prop::collection::vec(0u8..12, 0..6), 2..4),
        seed in 0u64..1000,
    ) {
        let trace = trace_of(&program(&scripts), seed);
        check_clocks(&trace)?;
    }

    #[test]
    fn clocks_stay_correct_under_loss_and_duplication(
        scripts in prop::collection::vec(prop::collection::vec(0u8..12, 0..6), 2..4),
        seed in 0u64..1000,
    ) {
        let plan = pidlab::world::faults::FaultPlan {
            net: pidlab::world::faults::LinkModel::FairLoss { loss: 0.3, dup: 0.3 },
            ..Default::default()
        };
        let trace = trace_with(&program(&scripts), seed, plan);
        check_clocks(&trace)?;
    }
}

#[test]
fn lamport_order_does_not_imply_happens_before() {
    // Two workers that never talk to each other: their events are concurrent,
    // yet Lamport values still order them.
    let trace = trace_of(&program(&[vec![2, 2, 2], vec![2, 2, 2]]), 7);
    let emits: Vec<&Event> = trace
        .iter()
        .filter(|e| matches!(e.kind, Kind::Emit { .. }))
        .collect();
    let pair = emits
        .iter()
        .flat_map(|a| emits.iter().map(move |b| (a, b)))
        .find(|(a, b)| {
            a.proc != b.proc && lamport(a) < lamport(b) && !happens_before(&trace, a.id, b.id)
        });
    let (a, b) = pair.expect("a pair with L(a) < L(b) that is not ordered by happens-before");
    assert!(
        pidlab::trace::concurrent(&trace, a.id, b.id),
        "e{} and e{} are concurrent",
        a.id,
        b.id
    );
}

const RACE: &str = "-module(gen).\n-export([main/0]).\n\
    main() -> Me = self(),\n\
    [spawn(fun() -> Me ! N end) || N <- [a, b, c, d]],\n\
    [receive X -> io:format(\"~p~n\", [X]) end || _ <- [1, 2, 3, 4]].\n";

#[test]
fn same_seed_gives_identical_trace() {
    let a: Vec<String> = trace_of(RACE, 42)
        .iter()
        .map(|e| pidlab::view::event::json(e).to_string())
        .collect();
    let b: Vec<String> = trace_of(RACE, 42)
        .iter()
        .map(|e| pidlab::view::event::json(e).to_string())
        .collect();
    assert_eq!(a, b);
}

#[test]
fn a_race_shows_different_interleavings_across_seeds() {
    let mut orders = std::collections::BTreeSet::new();
    for seed in 0..20 {
        let order: Vec<String> = trace_of(RACE, seed)
            .iter()
            .filter_map(|e| match &e.kind {
                Kind::Output { text } => Some(text.clone()),
                _ => None,
            })
            .collect();
        orders.insert(order);
    }
    assert!(
        orders.len() > 1,
        "every seed printed the same order: {orders:?}"
    );
}

fn hash_of(w: &World) -> u128 {
    w.fingerprint()
}

/// RACE compiled once: worlds built from the same code can be compared.
fn race_code() -> (pidlab::vm::Code, std::rc::Rc<pidlab::vm::Module>, u32) {
    let (ast, _) = pidlab::syntax::parse_module(RACE, Some("gen"));
    let (m, _) = pidlab::compile::compile_module(&ast, "gen.erl", RACE).expect("compiles");
    let mut code = run::new_code();
    let m = code.load(m);
    let func = *m.exports.values().next().expect("main/0");
    (code, m, func)
}

/// A world of RACE after `steps` choices picked with `seed`.
fn world_after(
    race: &(pidlab::vm::Code, std::rc::Rc<pidlab::vm::Module>, u32),
    seed: u64,
    steps: usize,
) -> World {
    let (code, m, func) = race;
    let mut world = World::new(code.clone());
    world
        .spawn_process(None, pidlab::world::Start::Call(m.clone(), *func, vec![]))
        .expect("main starts");
    let mut sched = Sched::random(seed);
    for _ in 0..steps {
        let Some(c) = sched.pick(&world) else {
            break;
        };
        world.apply(&c);
    }
    world
}

#[test]
fn equal_worlds_hash_equal_and_a_clone_is_equal() {
    let race = race_code();
    let a = world_after(&race, 3, 12);
    let b = world_after(&race, 3, 12);
    assert_eq!(hash_of(&a), hash_of(&b));
    assert_eq!(hash_of(&a.clone()), hash_of(&a));
    let mut c = a.clone();
    let choice = c
        .enabled()
        .into_iter()
        .next()
        .expect("something can happen after 12 steps");
    c.apply(&choice);
    assert_ne!(
        hash_of(&c),
        hash_of(&a),
        "applying {choice:?} changed nothing"
    );
}

/// Many processes that all hear from each other: dense clocks, pids whose
/// text sorts differently from their numbers (`<0.100.0>` before
/// `<0.81.0>`), every kind of process event.
const GOSSIP: &str = "-module(gen).\n-export([main/0]).\n\
    main() -> Me = self(),\n\
    Ps = [spawn(fun() -> receive {all, All} -> [P ! {hi, self()} || P <- All], \
    [receive {hi, _} -> ok end || _ <- All], pidlab:emit(done), Me ! done end end) || _ <- lists:seq(1, 30)],\n\
    [P ! {all, Ps} || P <- Ps],\n\
    [receive done -> ok end || _ <- Ps], io:format(\"all done~n\").\n";

#[test]
fn the_fast_json_writer_writes_the_same_bytes_as_the_json_record() {
    let mut line = Vec::new();
    let mut dense = 0;
    // One writer for both traces: what it keeps from one clock to the next
    // must not leak into the next record or the next run.
    let mut writer = pidlab::view::event::JsonWriter::default();
    for src in [RACE, GOSSIP] {
        for e in trace_of(src, 7) {
            line.clear();
            writer.write(&e, &mut line);
            let text = String::from_utf8(line.clone()).expect("the record is UTF-8");
            assert_eq!(text, pidlab::view::event::json(&e).to_string());
            dense = dense.max(e.clock.as_ref().map_or(0, |(_, vc)| vc.len()));
        }
    }
    assert!(dense > 30, "some clock has every process: {dense}");
}

/// One operation on a vector clock: raise a pid's count, tick a pid, or
/// merge in another of the clocks.
#[derive(Clone, Debug)]
enum VcOp {
    Raise(usize, u32, u64),
    Tick(usize, u32),
    Merge(usize, usize),
}

fn vc_op() -> impl Strategy<Value = VcOp> {
    // Up to 80 processes, so clocks grow past a slice into chunks.
    prop_oneof![
        (0..3usize, 0..80u32, 1..50u64).prop_map(|(c, p, n)| VcOp::Raise(c, p, n)),
        (0..3usize, 0..80u32).prop_map(|(c, p)| VcOp::Tick(c, p)),
        (0..3usize, 0..3usize).prop_map(|(a, b)| VcOp::Merge(a, b)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Clocks agree with a plain map under any mix of operations, and the
    /// copies events keep do not change when the clock they came from does.
    #[test]
    #[allow(clippy::indexing_slicing)] // tests may index: a panic is a failed test
    fn vector_clocks_behave_as_maps(ops in proptest::collection::vec(vc_op(), 0..300)) {
        use pidlab::term::Pid;
        use pidlab::world::event::Vc;
        use std::collections::BTreeMap;
        let mut clocks = [Vc::new(), Vc::new(), Vc::new()];
        let mut models: Vec<BTreeMap<Pid, u64>> = vec![BTreeMap::new(); 3];
        let mut kept: Vec<(Vc, BTreeMap<Pid, u64>)> = vec![];
        for op in ops {
            match op {
                VcOp::Raise(c, p, n) => {
                    let p = Pid::full(0, p, 0);
                    clocks[c].raise(p, n);
                    let e = models[c].entry(p).or_insert(0);
                    *e = (*e).max(n);
                }
                VcOp::Tick(c, p) => {
                    let p = Pid::full(0, p, 0);
                    clocks[c].tick(p);
                    *models[c].entry(p).or_insert(0) += 1;
                }
                VcOp::Merge(a, b) => {
                    let other = clocks[b].clone();
                    clocks[a].merge(&other);
                    for (p, n) in models[b].clone() {
                        let e = models[a].entry(p).or_insert(0);
                        *e = (*e).max(n);
                    }
                }
            }
            kept.push((clocks[0].clone(), models[0].clone()));
            for (vc, m) in clocks.iter().zip(&models) {
                let got: Vec<(Pid, u64)> = vc.iter().map(|(p, n)| (*p, *n)).collect();
                let want: Vec<(Pid, u64)> = m.iter().map(|(p, n)| (*p, *n)).collect();
                prop_assert_eq!(&got, &want);
                prop_assert_eq!(vc.len(), m.len());
                for p in 0..80 {
                    let p = Pid::full(0, p, 0);
                    prop_assert_eq!(vc.get(p), m.get(&p).copied().unwrap_or(0));
                }
            }
        }
        for (vc, m) in kept {
            let got: Vec<(Pid, u64)> = vc.iter().map(|(p, n)| (*p, *n)).collect();
            let want: Vec<(Pid, u64)> = m.into_iter().collect();
            prop_assert_eq!(got, want);
        }
    }
}
