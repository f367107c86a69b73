//! Fault plans change what happens, deterministically under a seed, and
//! every fault shows in the trace.

use pidlab::run::{self, Outcome, RunLimits};
use pidlab::world::event::{Event, Kind};
use pidlab::world::faults::{self, FaultPlan};
use pidlab::world::sched::Sched;
use pidlab::world::World;

fn run_with(src: &str, plan: FaultPlan, seed: u64) -> (Vec<Event>, String, Outcome) {
    let (ast, diags) = pidlab::syntax::parse_module(src, Some("f"));
    assert!(diags.is_empty(), "{diags:?}");
    let (m, _) = pidlab::compile::compile_module(&ast, "f.erl", src).expect("compiles");
    let mut code = run::new_code();
    let m = code.load(m);
    let func = *m.exports.values().next().expect("main/0");
    let mut world = World::new(code);
    world.faults = plan.into();
    world.seed = seed;
    let mut out = String::new();
    let limits = RunLimits {
        max_reductions: 50_000_000,
        sched: Sched::random(seed),
    };
    let outcome = run::run_world(
        &mut world,
        &m,
        func,
        vec![],
        limits,
        &mut |s| out.push_str(s),
        &mut |_| {},
    );
    (world.trace.iter().cloned().collect(), out, outcome)
}

const COUNTER: &str = "-module(f).\n-export([main/0]).\n\
    main() -> Me = self(), P = spawn(fun() -> loop(Me, 0) end),\n\
    [P ! {n, N} || N <- lists:seq(1, 1000)],\n\
    receive after 10 -> ok end,\n\
    P ! done, receive {count, C} -> io:format(\"~p~n\", [C]) after 100 -> io:format(\"lost~n\") end.\n\
    loop(Me, C) -> receive {n, _} -> loop(Me, C + 1); done -> Me ! {count, C} end.\n";

fn count(trace: &[Event], name: &str) -> usize {
    trace.iter().filter(|e| e.kind.name() == name).count()
}

#[test]
fn loss_rate_matches_its_parameter_over_fixed_seeds() {
    for seed in [1, 2, 3] {
        let plan = FaultPlan {
            net: faults::LinkModel::FairLoss {
                loss: 0.3,
                dup: 0.0,
            },
            ..FaultPlan::default()
        };
        let (trace, _, _) = run_with(COUNTER, plan, seed);
        let sends = count(&trace, "send") as f64;
        let drops = count(&trace, "drop") as f64;
        let rate = drops / sends;
        // 1000+ sends: five standard deviations of a 0.3 rate is about 0.07.
        assert!(
            (rate - 0.3).abs() < 0.07,
            "seed {seed}: {drops} of {sends} lost ({rate})"
        );
    }
}

#[test]
fn duplicates_are_events_with_their_own_message_ids() {
    let plan = FaultPlan {
        net: faults::LinkModel::FairLoss {
            loss: 0.0,
            dup: 0.2,
        },
        ..FaultPlan::default()
    };
    let (trace, _, _) = run_with(COUNTER, plan, 5);
    let dups: Vec<(u64, u64)> = trace
        .iter()
        .filter_map(|e| match e.kind {
            Kind::Duplicate { msg, copy } => Some((msg, copy)),
            _ => None,
        })
        .collect();
    assert!(!dups.is_empty());
    let rate = dups.len() as f64 / count(&trace, "send") as f64;
    assert!(
        (rate - 0.25).abs() < 0.08,
        "about dup/(1-dup) copies per message, got {rate}"
    );
    for (msg, copy) in dups.iter().take(20) {
        assert_ne!(msg, copy);
        assert!(
            trace
                .iter()
                .any(|e| matches!(e.kind, Kind::Receive { msg: m, .. } if m == *copy)),
            "copy m{copy} is received under its own id"
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_faults() {
    let plan = || FaultPlan {
        net: faults::LinkModel::FairLoss {
            loss: 0.2,
            dup: 0.1,
        },
        ..FaultPlan::default()
    };
    let a: Vec<String> = run_with(COUNTER, plan(), 9)
        .0
        .iter()
        .map(|e| pidlab::view::event::json(e).to_string())
        .collect();
    let b: Vec<String> = run_with(COUNTER, plan(), 9)
        .0
        .iter()
        .map(|e| pidlab::view::event::json(e).to_string())
        .collect();
    assert_eq!(a, b);
}

const WATCHED: &str = "-module(f).\n-export([main/0]).\n\
    main() -> {P, R} = spawn_monitor(fun() -> receive go -> receive never -> ok end end end),\n\
    P ! go,\n\
    receive {'DOWN', R, process, P, Why} -> io:format(\"told: ~p~n\", [Why])\n\
    after 1000 -> io:format(\"nobody told me~n\") end.\n";

#[test]
fn crash_stop_tells_nobody_and_fail_stop_fires_monitors() {
    let crash = || {
        vec![faults::parse_crash("p2@receive=1")
            .map_err(|e| e.0.message)
            .expect("plan reads")]
    };
    let stop = FaultPlan {
        crashes: crash(),
        ..FaultPlan::default()
    };
    let (trace, out, _) = run_with(WATCHED, stop, 1);
    assert_eq!(out, "nobody told me\n");
    assert_eq!(count(&trace, "crash"), 1);
    let fail = FaultPlan {
        crashes: crash(),
        fail_stop: true,
        ..FaultPlan::default()
    };
    let (_, out, _) = run_with(WATCHED, fail, 1);
    assert_eq!(out, "told: crashed\n");
}

const PARTED: &str = "-module(f).\n-export([main/0]).\n\
    main() -> Me = self(), register(a, self()),\n\
    B = spawn(fun() -> receive M -> Me ! {echo, M} after 50 -> Me ! timeout end end),\n\
    register(b, B), C = spawn(fun() -> receive M -> Me ! {c, M} after 50 -> Me ! c_timeout end end), register(c, C),\n\
    B ! ping, C ! ping,\n\
    [receive X -> io:format(\"~p~n\", [X]) end || _ <- [1, 2]].\n";

#[test]
fn a_partition_drops_messages_across_the_cut() {
    let plan = FaultPlan {
        partition: Some(
            faults::parse_partition("a,b|c")
                .map_err(|e| e.0.message)
                .expect("plan reads"),
        ),
        ..FaultPlan::default()
    };
    let (trace, out, outcome) = run_with(PARTED, plan, 1);
    // b, on a's side, answers; c's ping and c's timeout report both cross the cut.
    assert_eq!(out, "{echo,ping}\n");
    assert!(
        matches!(outcome, Outcome::Deadlock { .. }),
        "a waits forever for c: {outcome:?}"
    );
    assert_eq!(count(&trace, "partition"), 1);
    assert_eq!(count(&trace, "drop"), 2);
}

/// The emitted `{Tag, Seq, Msg}` terms of a trace, as `(tag, seq)` pairs.
fn emitted(trace: &[Event]) -> Vec<(String, i64)> {
    trace
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Emit {
                term: pidlab::term::Term::Tuple(t),
            } => match (t.first(), t.get(1)) {
                (Some(pidlab::term::Term::Atom(a)), Some(pidlab::term::Term::Int(n))) => {
                    Some((a.name().to_string(), *n))
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Reliable delivery, no duplication, no creation; `Err` says which fails.
fn perfect_link_properties(trace: &[Event]) -> Result<(), String> {
    let ev = emitted(trace);
    let sent: Vec<i64> = ev
        .iter()
        .filter(|(t, _)| t == "pl_send")
        .map(|(_, s)| *s)
        .collect();
    let delivered: Vec<i64> = ev
        .iter()
        .filter(|(t, _)| t == "pl_deliver")
        .map(|(_, s)| *s)
        .collect();
    for s in &sent {
        if !delivered.contains(s) {
            return Err(format!(
                "reliable delivery: message {s} was sent but never delivered"
            ));
        }
    }
    for d in &delivered {
        if delivered.iter().filter(|x| *x == d).count() > 1 {
            return Err(format!("no duplication: message {d} was delivered twice"));
        }
        if !sent.contains(d) {
            return Err(format!(
                "no creation: message {d} was delivered but never sent"
            ));
        }
    }
    Ok(())
}

fn program(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/programs")
            .join(name),
    )
    .expect("reference program exists")
}

#[test]
fn perfect_links_hold_over_fair_loss_links_for_many_seeds() {
    let src = program("perfect_link.erl").replace("-module(perfect_link)", "-module(f)");
    for seed in 0..30 {
        let plan = FaultPlan {
            net: faults::LinkModel::FairLoss {
                loss: 0.4,
                dup: 0.2,
            },
            ..FaultPlan::default()
        };
        let (trace, _, _) = run_with(&src, plan, seed);
        assert_eq!(
            emitted(&trace)
                .iter()
                .filter(|(t, _)| t == "pl_send")
                .count(),
            5,
            "seed {seed}: every message was sent"
        );
        if let Err(e) = perfect_link_properties(&trace) {
            panic!("seed {seed}: {e}");
        }
    }
}

#[test]
fn raw_fair_loss_links_break_the_properties() {
    let src = program("naive_link.erl").replace("-module(naive_link)", "-module(f)");
    let mut broken = vec![];
    for seed in 0..30 {
        let plan = FaultPlan {
            net: faults::LinkModel::FairLoss {
                loss: 0.4,
                dup: 0.2,
            },
            ..FaultPlan::default()
        };
        let (trace, _, _) = run_with(&src, plan, seed);
        if let Err(e) = perfect_link_properties(&trace) {
            broken.push((seed, e, trace));
        }
    }
    assert!(
        broken
            .iter()
            .any(|(_, e, _)| e.starts_with("reliable delivery")),
        "some seed loses a message"
    );
    assert!(
        broken
            .iter()
            .any(|(_, e, _)| e.starts_with("no duplication")),
        "some seed duplicates one"
    );
    // The failing trace, for people: the drop of a message that was never delivered.
    let (seed, e, trace) = broken
        .iter()
        .find(|(_, e, _)| e.starts_with("reliable delivery"))
        .expect("found above");
    let lines: Vec<String> = trace
        .iter()
        .filter(|ev| matches!(ev.kind, Kind::Drop { .. }))
        .map(pidlab::view::event::line)
        .collect();
    assert!(
        !lines.is_empty(),
        "seed {seed}: {e}, and the trace shows the drop"
    );
}

fn suspicions(trace: &[Event]) -> usize {
    trace
        .iter()
        .filter(|e| matches!(&e.kind, Kind::Emit { term: pidlab::term::Term::Tuple(t) } if t.first().is_some_and(|a| a.is_atom("suspect"))))
        .count()
}

#[test]
fn heartbeat_detector_is_perfect_under_sync_and_suspects_falsely_under_async() {
    let src = program("heartbeat.erl").replace("-module(heartbeat)", "-module(f)");
    let timing = |t: &str| FaultPlan {
        timing: faults::parse_timing(t)
            .map_err(|e| e.0.message)
            .expect("timing reads"),
        ..FaultPlan::default()
    };
    let mut sync_total = 0;
    let mut async_seeds_with_false_suspicion = 0;
    for seed in 0..20 {
        let (trace, _, _) = run_with(&src, timing("sync:delta=10"), seed);
        // Beats: 40 heartbeats; the last is followed by one true silence.
        sync_total += suspicions(&trace).saturating_sub(1);
        let (trace, _, _) = run_with(&src, timing("async"), seed);
        if suspicions(&trace) > 1 {
            async_seeds_with_false_suspicion += 1;
        }
    }
    assert_eq!(
        sync_total, 0,
        "a timeout above period + delta never fires falsely under sync"
    );
    assert!(
        async_seeds_with_false_suspicion > 0,
        "under async some heartbeat is late at some seed"
    );
}

#[test]
fn psync_delays_are_bounded_after_stabilisation() {
    let src = program("heartbeat.erl").replace("-module(heartbeat)", "-module(f)");
    let plan = FaultPlan {
        timing: faults::parse_timing("psync:gst=1000,delta=10")
            .map_err(|e| e.0.message)
            .expect("reads"),
        ..FaultPlan::default()
    };
    for seed in 0..10 {
        let (trace, _, _) = run_with(&src, plan.clone(), seed);
        let sends: std::collections::BTreeMap<u64, u64> = trace
            .iter()
            .filter_map(|e| match e.kind {
                Kind::Send { msg, .. } => Some((msg, e.time)),
                _ => None,
            })
            .collect();
        for e in &trace {
            if let Kind::Deliver { msg, .. } = e.kind {
                let sent = sends.get(&msg).copied().unwrap_or(0);
                if sent >= 1000 {
                    assert!(
                        e.time - sent <= 10,
                        "seed {seed}: m{msg} sent at {sent} arrived at {}",
                        e.time
                    );
                } else {
                    assert!(
                        e.time <= 1010,
                        "seed {seed}: m{msg} sent before GST arrived at {}",
                        e.time
                    );
                }
            }
        }
    }
}

#[test]
fn a_loss_budget_caps_the_losses() {
    let plan = FaultPlan {
        net: faults::LinkModel::FairLoss {
            loss: 0.5,
            dup: 0.0,
        },
        max_losses: Some(7),
        ..FaultPlan::default()
    };
    let (trace, _, _) = run_with(COUNTER, plan, 4);
    assert_eq!(count(&trace, "drop"), 7);
}

const VOTES: &str = "-module(f).\n-export([main/0]).\n\
    main() -> Me = self(), B = spawn(fun() -> [Me ! {vote, self(), N} || N <- lists:seq(1, 200)] end),\n\
    spawn(fun() -> receive stop -> ok end end),\n\
    R = [receive {vote, From, N} -> {From =:= B, N} after 10 -> timeout end || _ <- lists:seq(1, 200)],\n\
    io:format(\"~w~n\", [R]).\n";

#[test]
fn a_byzantine_sender_corrupts_and_forges() {
    let byz = faults::parse_byzantine("p2:corrupt=0.2,forge=0.2")
        .map_err(|e| e.0.message)
        .expect("reads");
    let plan = FaultPlan {
        byzantine: vec![byz],
        ..FaultPlan::default()
    };
    let (trace, out, _) = run_with(VOTES, plan, 3);
    let corrupt = count(&trace, "corrupt");
    let forged = count(&trace, "forge");
    assert!(
        (20..=60).contains(&corrupt),
        "about 40 of 200 corrupted, got {corrupt}"
    );
    assert!(
        (20..=60).contains(&forged),
        "about 40 of 200 forged, got {forged}"
    );
    // A vote seen as coming from someone else was forged, or its sender
    // field was corrupted: nothing else changes a sender.
    let seen_other = out.matches("{false,").count();
    assert!(
        seen_other >= forged / 2 && seen_other <= forged + corrupt,
        "{seen_other} votes from others, {forged} forged: {out}"
    );
    // Without the adversary, every vote is from the real sender.
    let (_, honest, _) = run_with(VOTES, FaultPlan::default(), 3);
    assert_eq!(honest.matches("{false,").count(), 0);
}

#[test]
fn omissions_lose_sends_and_receives_at_their_rates() {
    let omit = faults::parse_omission("p1:receive=0.25")
        .map_err(|e| e.0.message)
        .expect("reads");
    let plan = FaultPlan {
        omissions: vec![omit],
        ..FaultPlan::default()
    };
    let (trace, out, _) = run_with(VOTES, plan, 8);
    let drops = count(&trace, "drop");
    assert!(
        (25..=75).contains(&drops),
        "about 50 of 200 receives omitted, got {drops}"
    );
    assert_eq!(
        out.matches("timeout").count(),
        drops,
        "each omitted vote is a timeout at the receiver"
    );
}

#[test]
fn a_crash_with_a_probability_happens_at_some_send() {
    let crash = faults::parse_crash("p2@prob=0.05")
        .map_err(|e| e.0.message)
        .expect("reads");
    let plan = FaultPlan {
        crashes: vec![crash],
        ..FaultPlan::default()
    };
    let (trace, out, _) = run_with(VOTES, plan, 2);
    assert_eq!(count(&trace, "crash"), 1);
    let sent = trace
        .iter()
        .filter(|e| matches!(e.kind, Kind::Send { .. }) && e.proc == pidlab::term::Pid(81))
        .count();
    assert!(
        sent < 200,
        "the crash stopped the sender after {sent} sends"
    );
    assert_eq!(out.matches("timeout").count(), 200 - sent);
}

/// Who delivered which message: `{deliver, Self, From, M}` emits.
fn deliveries(trace: &[Event]) -> Vec<(pidlab::term::Term, pidlab::term::Term)> {
    trace
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Emit {
                term: pidlab::term::Term::Tuple(t),
            } if t.first().is_some_and(|a| a.is_atom("deliver")) => {
                Some((t.get(1)?.clone(), t.get(3)?.clone()))
            }
            _ => None,
        })
        .collect()
}

/// Agreement: if some correct process delivers m, every correct process does.
fn agreement(trace: &[Event]) -> Result<(), String> {
    let crashed: Vec<pidlab::term::Pid> = trace
        .iter()
        .filter(|e| matches!(e.kind, Kind::Crash))
        .map(|e| e.proc)
        .collect();
    let members: Vec<pidlab::term::Pid> = [81, 82, 83]
        .into_iter()
        .map(pidlab::term::Pid)
        .filter(|p| !crashed.contains(p))
        .collect();
    let d = deliveries(trace);
    for (_, m) in &d {
        for p in &members {
            if !d
                .iter()
                .any(|(who, mm)| *who == pidlab::term::Term::Pid(*p) && mm == m)
            {
                return Err(format!(
                    "agreement: {} never delivered {}",
                    pidlab::world::event::pid_text(*p),
                    m
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn best_effort_broadcast_loses_agreement_when_the_broadcaster_crashes() {
    let src = program("best_effort_broadcast.erl")
        .replace("-module(best_effort_broadcast)", "-module(f)");
    // p5 is the broadcaster; it crashes right after its first send.
    let crash = || FaultPlan {
        crashes: vec![faults::parse_crash("p5@send=1")
            .map_err(|e| e.0.message)
            .expect("reads")],
        ..FaultPlan::default()
    };
    let (trace, _, _) = run_with(&src, crash(), 1);
    assert_eq!(
        deliveries(&trace).len(),
        1,
        "only the first member heard it"
    );
    assert!(agreement(&trace).is_err());
    let (trace, _, _) = run_with(&src, FaultPlan::default(), 1);
    assert_eq!(
        deliveries(&trace).len(),
        3,
        "without the crash, everyone delivers"
    );
    assert!(agreement(&trace).is_ok());
}

#[test]
fn eager_reliable_broadcast_keeps_agreement_when_the_broadcaster_crashes() {
    let src = program("eager_reliable_broadcast.erl")
        .replace("-module(eager_reliable_broadcast)", "-module(f)");
    for seed in 0..20 {
        let plan = FaultPlan {
            crashes: vec![faults::parse_crash("p5@send=1")
                .map_err(|e| e.0.message)
                .expect("reads")],
            ..FaultPlan::default()
        };
        let (trace, _, _) = run_with(&src, plan, seed);
        assert_eq!(
            count(&trace, "crash"),
            1,
            "seed {seed}: the broadcaster crashed"
        );
        assert_eq!(
            deliveries(&trace).len(),
            3,
            "seed {seed}: all three correct members delivered"
        );
        if let Err(e) = agreement(&trace) {
            panic!("seed {seed}: {e}");
        }
    }
}

#[test]
fn stubborn_links_deliver_again_and_again_over_fair_loss() {
    let src = program("stubborn_link.erl").replace("-module(stubborn_link)", "-module(f)");
    let plan = FaultPlan {
        net: faults::LinkModel::FairLoss {
            loss: 0.5,
            dup: 0.0,
        },
        ..FaultPlan::default()
    };
    let (trace, _, _) = run_with(&src, plan, 6);
    let ev = emitted_atoms(&trace);
    for m in ["a", "b", "c"] {
        let delivered = ev
            .iter()
            .filter(|(t, x)| t == "sl_deliver" && x == m)
            .count();
        assert!(
            delivered >= 10,
            "{m} delivered {delivered} times in 500 ms of retransmission"
        );
    }
    assert!(
        ev.iter()
            .filter(|(t, _)| t == "sl_deliver")
            .all(|(_, x)| ["a", "b", "c"].contains(&x.as_str())),
        "no creation"
    );
}

fn emitted_atoms(trace: &[Event]) -> Vec<(String, String)> {
    trace
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Emit {
                term: pidlab::term::Term::Tuple(t),
            } => match (t.first(), t.get(1)) {
                (Some(pidlab::term::Term::Atom(a)), Some(pidlab::term::Term::Atom(b))) => {
                    Some((a.name().to_string(), b.name().to_string()))
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

#[test]
fn a_user_fun_rewrites_a_byzantine_senders_messages() {
    let byz = faults::parse_byzantine("p2:corrupt=0")
        .map_err(|e| e.0.message)
        .expect("reads");
    let plan = FaultPlan {
        byzantine: vec![byz],
        byzantine_fun: Some("fun({vote, P, N}) -> {vote, P, -N}; (M) -> M end".into()),
        ..FaultPlan::default()
    };
    let (trace, out, _) = run_with(VOTES, plan, 1);
    assert!(out.starts_with("[{true,-1},{true,-2},"), "{out}");
    assert_eq!(count(&trace, "corrupt"), 200, "each rewrite is recorded");
}

#[test]
fn held_messages_travel_once_the_partition_heals() {
    let plan = FaultPlan {
        partition: Some(
            faults::parse_partition("a,b|c:hold")
                .map_err(|e| e.0.message)
                .expect("reads"),
        ),
        heal_at: Some(20),
        ..FaultPlan::default()
    };
    let (trace, out, _) = run_with(PARTED, plan, 1);
    let mut lines: Vec<&str> = out.lines().collect();
    lines.sort();
    assert_eq!(
        lines,
        vec!["{c,ping}", "{echo,ping}"],
        "c hears the held ping after the heal"
    );
    assert_eq!(count(&trace, "heal"), 1);
    assert_eq!(count(&trace, "drop"), 0);
}

#[test]
fn a_crashed_process_recovers_by_the_plan_with_its_state_lost() {
    let src = "-module(f).\n-export([main/0]).\n\
        main() -> Me = self(), P = spawn(fun() -> count(Me, 0) end),\n\
        P ! tick, P ! tick, P ! tick, receive after 100 -> ok end,\n\
        P ! {get, Me}, receive {count, N} -> io:format(\"~p~n\", [N]) after 100 -> io:format(\"no answer~n\") end.\n\
        count(Me, N) -> receive tick -> count(Me, N + 1); {get, From} -> From ! {count, N}, count(Me, N) end.\n";
    let plan = FaultPlan {
        crashes: vec![faults::parse_crash("p2@receive=2")
            .map_err(|e| e.0.message)
            .expect("reads")],
        recoveries: vec![faults::parse_crash("p2@time=50")
            .map_err(|e| e.0.message)
            .expect("reads")],
        ..FaultPlan::default()
    };
    let (trace, out, _) = run_with(src, plan, 1);
    assert_eq!(count(&trace, "crash"), 1);
    assert_eq!(count(&trace, "recover"), 1);
    assert_eq!(out, "0\n", "the count restarted from zero: state was lost");
}

#[test]
fn a_time_crash_and_a_time_recovery_each_happen_once() {
    // Before, the crash rule's time had still come after the recovery, so
    // the process crashed again at once, and recovered, and so on.
    let src = "-module(f).\n-export([main/0]).\n\
        main() -> register(srv, spawn(fun() -> loop(15) end)), receive after 2000 -> ok end.\n\
        loop(0) -> ok;\n\
        loop(N) -> receive after 100 -> loop(N - 1) end.\n";
    let rule = |s: &str| {
        faults::parse_crash(s)
            .map_err(|e| e.0.message)
            .expect("reads")
    };
    let plan = FaultPlan {
        crashes: vec![rule("srv@time=300")],
        recoveries: vec![rule("srv@time=600")],
        ..FaultPlan::default()
    };
    let (trace, _, _) = run_with(src, plan, 1);
    let times: Vec<(u64, &str)> = trace
        .iter()
        .filter(|e| matches!(e.kind.name(), "crash" | "recover"))
        .map(|e| (e.time, e.kind.name()))
        .collect();
    assert_eq!(times, vec![(300, "crash"), (600, "recover")]);
}

#[test]
fn availability_counts_the_time_enough_replicas_are_up() {
    use pidlab::view::availability;
    use pidlab::view::trace::Trace;
    let src = "-module(f).\n-export([main/0]).\n\
        main() -> [register(N, spawn(fun() -> serve(20) end)) || N <- [r1, r2, r3]],\n\
        receive after 10000 -> ok end.\n\
        serve(0) -> ok;\n\
        serve(K) -> receive after 1000 -> serve(K - 1) end.\n";
    let rule = |s: &str| {
        faults::parse_crash(s)
            .map_err(|e| e.0.message)
            .expect("reads")
    };
    let plan = FaultPlan {
        crashes: vec![rule("r1@time=1000"), rule("r2@time=2000")],
        recoveries: vec![rule("r1@time=3000"), rule("r2@time=2500")],
        ..FaultPlan::default()
    };
    let (trace, _, _) = run_with(src, plan, 1);
    let t = Trace::from_events(&trace);
    let ps = availability::procs_named(&t, "r1,r2,r3").expect("named");
    // r1 is down 1000..3000 and r2 2500..: with two of three needed, the
    // service is down while both are, 2000..2500.
    let two = availability::measure(&t, &ps, 2, 10_000);
    assert_eq!(two.service.up_ms, 9_500);
    assert_eq!(two.service.outages, 1);
    let up: Vec<u64> = two.each.iter().map(|u| u.up_ms).collect();
    assert_eq!(up, vec![8_000, 9_500, 10_000]);
    let one = availability::measure(&t, &ps, 1, 10_000);
    assert_eq!(one.service.up_ms, 10_000);
    assert!(one.text(&t).contains("service   100.000%  (no downtime)"));
    assert!(two
        .text(&t)
        .contains("service    95.000%  (1.3 nines)  down 500 ms in 1 outage"));
}

#[test]
fn a_recovered_process_registers_its_name_again() {
    // Before, the crashed process kept its name, so the recovered one's
    // `register(srv, self())` failed with badarg.
    let src = "-module(f).\n-export([main/0]).\n\
        main() -> spawn(fun srv/0), receive after 100 -> ok end,\n\
        srv ! {get, self()}, receive {n, N} -> io:format(\"~p~n\", [N]) after 100 -> io:format(\"none~n\") end.\n\
        srv() -> register(srv, self()), loop(0).\n\
        loop(N) -> receive {get, From} -> From ! {n, N}, loop(N + 1) after 10 -> loop(N + 1) end.\n";
    let rule = |s: &str| {
        faults::parse_crash(s)
            .map_err(|e| e.0.message)
            .expect("reads")
    };
    let plan = FaultPlan {
        crashes: vec![rule("srv@time=30")],
        recoveries: vec![rule("srv@time=60")],
        ..FaultPlan::default()
    };
    let (trace, out, _) = run_with(src, plan, 1);
    assert_eq!(count(&trace, "recover"), 1);
    assert!(
        !trace.iter().any(|e| e.kind.name() == "exit"
            && matches!(&e.kind, pidlab::world::event::Kind::Exit { reason } if !reason.is_atom("normal"))),
        "no process failed"
    );
    // Restarted at 60 from zero, it has counted about 4 timeouts by 100.
    assert_eq!(out, "3\n", "the recovered server answers by its name");
}
