//! The world as a model: every fault is a choice in `enabled()`, and the
//! fingerprint is equal exactly when futures are equal.

use pidlab::run;
use pidlab::world::faults::{self, FaultPlan, LinkModel};
use pidlab::world::{Choice, Start, World};
use std::collections::BTreeSet;

/// A world with module `m` loaded and `m:main()` spawned, not yet run.
fn world_of(src: &str, plan: FaultPlan) -> World {
    let (ast, diags) = pidlab::syntax::parse_module(src, Some("m"));
    assert!(diags.is_empty(), "{diags:?}");
    let (m, _) = pidlab::compile::compile_module(&ast, "m.erl", src).expect("compiles");
    let mut code = run::new_code();
    let m = code.load(m);
    let main = *m
        .exports
        .get(&(pidlab::term::Atom::new("main"), 0))
        .expect("main/0");
    let mut world = World::new(code);
    world.faults = plan.into();
    world
        .spawn_process(None, Start::Call(m, main, vec![]))
        .expect("main starts");
    world
}

/// Every state reachable through the program's own steps (no faults),
/// explored depth first and merged by fingerprint; returns the
/// fingerprints of the final states (nothing enabled).
fn final_states(start: &World) -> BTreeSet<u128> {
    let mut seen = BTreeSet::new();
    let mut finals = BTreeSet::new();
    let mut stack = vec![start.clone()];
    while let Some(w) = stack.pop() {
        if !seen.insert(w.fingerprint()) {
            continue;
        }
        let choices: Vec<Choice> = w.enabled().into_iter().filter(|c| !c.is_fault()).collect();
        if choices.is_empty() {
            finals.insert(w.fingerprint());
        }
        for c in choices {
            let mut next = w.clone();
            next.apply(&c);
            stack.push(next);
        }
        assert!(
            seen.len() < 200_000,
            "the state space is larger than expected"
        );
    }
    finals
}

const COLLECTOR: &str = "-module(m).\n-export([main/0]).\n\
    main() -> C = spawn(fun() -> collect([], 3) end),\n\
    [spawn(fun() -> C ! I end) || I <- [1, 2, 3]], ok.\n\
    collect(Acc, 0) -> receive never -> Acc end;\n\
    collect(Acc, N) -> receive X -> collect([X | Acc], N - 1) end.\n";

#[test]
fn a_collector_of_three_senders_has_six_final_states() {
    // Independent count: the collector keeps the order it received the
    // three messages in, and every order is possible: 3! = 6.
    let finals = final_states(&world_of(COLLECTOR, FaultPlan::default()));
    assert_eq!(finals.len(), 6);
}

const ADDER: &str = "-module(m).\n-export([main/0]).\n\
    main() -> S = spawn(fun() -> server(0) end),\n\
    spawn(fun() -> S ! {add, 1} end), spawn(fun() -> S ! {add, 2} end), ok.\n\
    server(N) -> receive {add, X} -> Y = X * 10, server(N + Y) end.\n";

#[test]
fn a_server_that_handles_a_then_b_or_b_then_a_ends_in_one_state() {
    // The server's slots for X and Y hold the last message's values when
    // it waits again; they are dead, so both orders are one state.
    let finals = final_states(&world_of(ADDER, FaultPlan::default()));
    assert_eq!(finals.len(), 1);
}

/// Applies choices other than running `keep` until none is left.
fn settle_except(w: &mut World, keep: pidlab::term::Pid) {
    loop {
        let next = w.enabled().into_iter().find(|c| {
            !c.is_fault()
                && *c != Choice::Run(keep)
                && !matches!(c, Choice::Timeout(p) if *p == keep)
        });
        match next {
            Some(c) => {
                w.apply(&c);
            }
            None => return,
        }
    }
}

const RETRY: &str = "-module(m).\n-export([main/0]).\n\
    main() -> S = spawn(fun() -> sink() end), retry(S).\n\
    retry(S) -> S ! ping, receive after 100 -> retry(S) end.\n\
    sink() -> receive _ -> sink() end.\n";

/// The world after the sender's `k`-th ping has been received, with the
/// sender waiting for its next retry.
fn after_pings(plan: FaultPlan, k: usize) -> World {
    let mut w = world_of(RETRY, plan);
    let main = pidlab::world::MAIN_PID;
    for i in 0..k {
        if i > 0 {
            w.apply(&Choice::Timeout(main));
        }
        // Spawn (first time), send, then wait for the retry.
        while w.enabled().contains(&Choice::Run(main)) {
            w.apply(&Choice::Run(main));
        }
        settle_except(&mut w, main);
    }
    w
}

#[test]
fn a_retransmission_loop_returns_to_the_same_state() {
    let once = after_pings(FaultPlan::default(), 1);
    let twice = after_pings(FaultPlan::default(), 2);
    assert_ne!(once.time, twice.time, "virtual time went on");
    assert_ne!(once.trace.len(), twice.trace.len(), "the trace grew");
    assert_eq!(once.fingerprint(), twice.fingerprint());
}

/// A crash or recovery rule as `--crash` and `--recover` spell it.
fn rule(text: &str) -> faults::Crash {
    faults::parse_crash(text)
        .map_err(|e| e.0.message)
        .expect("reads")
}

#[test]
fn a_crash_rule_that_counts_sends_tells_the_loops_rounds_apart() {
    let plan = FaultPlan {
        crashes: vec![rule("p1@send=3")],
        ..FaultPlan::default()
    };
    let once = after_pings(plan.clone(), 1);
    let twice = after_pings(plan, 2);
    assert_ne!(once.fingerprint(), twice.fingerprint());
}

#[test]
fn state_that_decides_the_future_changes_the_fingerprint() {
    let base = after_pings(FaultPlan::default(), 1);
    let fp = base.fingerprint();
    // The seed of the processes' random numbers.
    let mut a = world_of(RETRY, FaultPlan::default());
    let mut b = a.clone();
    b.seed = 7;
    a.seed = 8;
    let (a, b) = (respawned(a), respawned(b));
    assert_ne!(a.fingerprint(), b.fingerprint(), "the random seed");
    // Held messages and the partition.
    let mut held = base.clone();
    let m = pidlab::world::InFlight {
        id: 99,
        from: pidlab::world::MAIN_PID,
        to: pidlab::term::Pid(81),
        payload: pidlab::world::Payload::Message(pidlab::term::Term::atom("ping")),
        clock: Default::default(),
    };
    held.held.push(m);
    assert_ne!(held.fingerprint(), fp, "a held message");
    let mut cut = base.clone();
    cut.partitioned = true;
    assert_ne!(cut.fingerprint(), fp, "the partition");
    // Faults spent against a budget.
    let budget = FaultPlan {
        max_losses: Some(2),
        ..FaultPlan::default()
    };
    let mut spent = base.clone();
    spent.faults = budget.clone().into();
    let mut fresh = base.clone();
    fresh.faults = budget.into();
    spent.losses = 1;
    assert_ne!(spent.fingerprint(), fresh.fingerprint(), "a budget");
    // Without a budget, a count of losses decides nothing.
    let mut counted = base.clone();
    counted.losses = 5;
    assert_eq!(counted.fingerprint(), fp);
}

/// A crashed process that a recovery rule may restart keeps what the
/// restart does not reset (its random state, the counts crash rules read,
/// its links): worlds that differ there have different futures. Without a
/// recovery rule, an ended process is out of the state.
#[test]
fn what_a_recovery_keeps_of_a_crashed_process_is_in_the_fingerprint() {
    let main = pidlab::world::MAIN_PID;
    let crashed = |plan: FaultPlan| {
        let mut w = after_pings(plan, 1);
        w.apply(&Choice::Crash(main));
        assert!(!w.is_alive(main));
        w
    };
    let changed = |w: &World, change: &dyn Fn(&mut pidlab::world::Proc)| {
        let mut w = w.clone();
        let mut p = (**w.exited.get(&main).expect("kept")).clone();
        change(&mut p);
        w.exited.insert(main, std::rc::Rc::new(p));
        w.fingerprint()
    };
    type Change<'a> = (&'a str, &'a dyn Fn(&mut pidlab::world::Proc));
    let changes: [Change; 3] = [
        ("random state", &|p| p.process.rand ^= 1),
        ("send count", &|p| p.sends += 1),
        ("links", &|p| {
            p.links.insert(pidlab::term::Pid(999));
        }),
    ];
    let recovering = crashed(FaultPlan {
        crashes: vec![rule("p1@send=3")],
        recoveries: vec![rule("p1@prob=0.5")],
        ..FaultPlan::default()
    });
    assert!(recovering.enabled().contains(&Choice::Recover(main)));
    for (what, change) in &changes {
        assert_ne!(
            changed(&recovering, *change),
            recovering.fingerprint(),
            "{what}"
        );
    }
    let for_good = crashed(FaultPlan {
        crashes: vec![rule("p1@send=3")],
        ..FaultPlan::default()
    });
    for (what, change) in &changes {
        assert_eq!(
            changed(&for_good, *change),
            for_good.fingerprint(),
            "{what}"
        );
    }
}

/// A world whose main process started afresh under its current seed.
fn respawned(w: World) -> World {
    let mut fresh = World::new(w.code.clone());
    fresh.seed = w.seed;
    let m = w
        .code
        .get(pidlab::term::Atom::new("m"))
        .cloned()
        .expect("loaded");
    let main = *m
        .exports
        .get(&(pidlab::term::Atom::new("main"), 0))
        .expect("main/0");
    fresh
        .spawn_process(None, Start::Call(m, main, vec![]))
        .expect("starts");
    fresh
}

/// The fingerprint of the collector after a fixed sequence of choices.
fn collector_fingerprint() -> u128 {
    let mut w = world_of(COLLECTOR, FaultPlan::default());
    for _ in 0..40 {
        let Some(c) = w.enabled().into_iter().find(|c| !c.is_fault()) else {
            break;
        };
        w.apply(&c);
    }
    w.fingerprint()
}

#[test]
fn the_fingerprint_is_the_same_in_another_host_process() {
    if std::env::var_os("PIDLAB_FINGERPRINT_CHILD").is_some() {
        println!("fingerprint={}", collector_fingerprint());
        return;
    }
    // Unrelated modules compiled first change nothing.
    for i in 0..3 {
        let src = format!("-module(other{i}).\n-export([f/0]).\nf() -> {i}.\n");
        let (ast, _) = pidlab::syntax::parse_module(&src, None);
        let _ = pidlab::compile::compile_module(&ast, "other.erl", &src);
    }
    let here = collector_fingerprint();
    let exe = std::env::current_exe().expect("the test binary");
    let out = std::process::Command::new(exe)
        .args([
            "--exact",
            "the_fingerprint_is_the_same_in_another_host_process",
            "--nocapture",
        ])
        .env("PIDLAB_FINGERPRINT_CHILD", "1")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let there = text
        .lines()
        .find_map(|l| l.strip_prefix("fingerprint="))
        .and_then(|v| v.trim().parse::<u128>().ok());
    assert_eq!(there, Some(here), "child said: {text}");
}

const TWO: &str = "-module(m).\n-export([main/0]).\n\
    main() -> P = spawn(fun() -> receive _ -> receive _ -> ok end end end),\n\
    P ! a, P ! b, receive after 1000 -> ok end.\n";

/// Runs main until both messages are in flight.
fn two_in_flight(plan: FaultPlan) -> World {
    let mut w = world_of(TWO, plan);
    let main = pidlab::world::MAIN_PID;
    for _ in 0..3 {
        w.apply(&Choice::Run(main));
    }
    assert_eq!(w.network.len(), 2);
    w
}

fn has(w: &World, f: impl Fn(&Choice) -> bool) -> bool {
    w.enabled().iter().any(f)
}

#[test]
fn faults_are_choices_within_their_budgets() {
    let plan = FaultPlan {
        net: LinkModel::FairLoss {
            loss: 0.1,
            dup: 0.1,
        },
        timing: faults::Timing::Async,
        crashes: vec![rule("p2@prob=0.1")],
        max_losses: Some(1),
        max_dups: Some(1),
        max_delays: Some(1),
        max_crashes: Some(1),
        ..FaultPlan::default()
    };
    let mut w = two_in_flight(plan);
    let (m1, m2) = (1, 2);
    assert!(has(&w, |c| *c == Choice::Drop(m1)));
    assert!(has(&w, |c| *c == Choice::Drop(m2)));
    w.apply(&Choice::Drop(m1));
    assert!(
        !has(&w, |c| matches!(c, Choice::Drop(_))),
        "the loss budget is spent"
    );
    assert!(has(&w, |c| *c == Choice::Duplicate(m2)));
    w.apply(&Choice::Duplicate(m2));
    assert!(
        !has(&w, |c| matches!(c, Choice::Duplicate(_))),
        "the dup budget is spent"
    );
    let delay = w
        .enabled()
        .into_iter()
        .find(|c| matches!(c, Choice::Delay(d) if d.0 == m2))
        .expect("m2 can be delayed");
    w.apply(&delay);
    assert!(
        !has(&w, |c| matches!(c, Choice::Delay(..))),
        "the delay budget is spent"
    );
    let p2 = pidlab::term::Pid(pidlab::world::MAIN_PID.0 + 1);
    assert!(has(&w, |c| *c == Choice::Crash(p2)));
    w.apply(&Choice::Crash(p2));
    assert!(
        !has(&w, |c| matches!(c, Choice::Crash(_))),
        "the crash budget is spent"
    );
}

#[test]
fn without_a_fault_plan_no_fault_is_enabled() {
    let w = two_in_flight(FaultPlan::default());
    assert!(w.enabled().iter().all(|c| !c.is_fault()));
}

/// A fingerprint reuses the hashes of processes a step left alone: taken
/// after every step of a run (and of clones stepped apart), it equals the
/// one of the same world replayed with no fingerprint taken on the way.
#[test]
fn a_fingerprint_taken_step_by_step_equals_one_taken_once() {
    let start = world_of(COLLECTOR, FaultPlan::default());
    let mut w = start.clone();
    let mut path: Vec<Choice> = vec![];
    let mut seen = BTreeSet::new();
    loop {
        let fp = w.fingerprint();
        seen.insert(fp);
        let mut fresh = start.clone();
        for c in &path {
            fresh.apply(c);
        }
        assert_eq!(fresh.fingerprint(), fp, "after {path:?}");
        let choices: Vec<Choice> = w.enabled().into_iter().filter(|c| !c.is_fault()).collect();
        // A sibling stepped apart from a clone of a fingerprinted world.
        if let Some(c) = choices.last() {
            let mut other = w.clone();
            other.apply(c);
            let mut replay = start.clone();
            for p in path.iter().chain([c]) {
                replay.apply(p);
            }
            assert_eq!(other.fingerprint(), replay.fingerprint(), "{c:?}");
        }
        let Some(c) = choices.into_iter().next() else {
            break;
        };
        w.apply(&c);
        path.push(c);
    }
    assert!(path.len() > 8 && seen.len() > 8, "the run moves: {path:?}");
}

#[test]
fn apply_draws_nothing_so_the_same_choices_give_the_same_world() {
    let plan = FaultPlan {
        net: LinkModel::FairLoss {
            loss: 0.5,
            dup: 0.5,
        },
        byzantine: vec![faults::parse_byzantine("p1:corrupt=0.5,forge=0.5")
            .map_err(|e| e.0.message)
            .expect("reads")],
        ..FaultPlan::default()
    };
    let w = two_in_flight(plan);
    let choices = w.enabled();
    assert!(choices.contains(&Choice::Corrupt(1)));
    for c in &choices {
        let mut a = w.clone();
        let mut b = w.clone();
        let ea = a.apply(c);
        let eb = b.apply(c);
        assert_eq!(ea, eb, "{c:?}");
        assert_eq!(a.fingerprint(), b.fingerprint(), "{c:?}");
    }
}

#[test]
fn pidlab_choose_is_a_choice_with_one_branch_per_option() {
    let src = "-module(m).\n-export([main/0]).\n\
        main() -> X = pidlab:choose([a, b, c]), pidlab:emit(X), receive never -> X end.\n";
    let finals = final_states(&world_of(src, FaultPlan::default()));
    assert_eq!(finals.len(), 3);
}

#[test]
fn synchronous_rounds_deliver_a_rounds_messages_before_the_next_starts() {
    let src = "-module(m).\n-export([main/0]).\n\
        main() -> Me = self(), P = spawn(fun() -> echo() end),\n\
        [begin P ! {Me, I}, receive I -> ok end end || I <- [1, 2, 3]], ok.\n\
        echo() -> receive {From, I} -> From ! I, echo() end.\n";
    let plan = FaultPlan {
        timing: faults::parse_timing("sync:delta=10")
            .map_err(|e| e.0.message)
            .expect("reads"),
        ..FaultPlan::default()
    };
    let mut w = world_of(src, plan);
    let mut rounds = vec![];
    for _ in 0..200 {
        let choices = w.enabled();
        let runs = choices.iter().any(|c| matches!(c, Choice::Run(_)));
        let delivers = choices.iter().any(|c| matches!(c, Choice::Deliver(_)));
        assert!(
            !(runs && delivers),
            "running and delivering never mix in a round"
        );
        let Some(c) = choices.last().cloned() else {
            break;
        };
        for e in w.apply(&c) {
            if let pidlab::world::event::Kind::Round { n } = e.kind {
                rounds.push((n, e.time));
            }
        }
    }
    assert_eq!(rounds.first(), Some(&(1, 10)));
    // Each request and each reply takes a round of its own.
    assert!(rounds.len() >= 5, "{rounds:?}");
    assert!(rounds
        .windows(2)
        .all(|r| matches!(r, [(n, t), (m, u)] if *m == n + 1 && *u == t + 10)));
}
