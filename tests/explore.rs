//! `pidlab explore`: counts theory fixes, the lecture's abstractions
//! checked under faults, counterexamples that are the fewest faults and
//! steps and replay exactly, liveness as lassos, and the fixed contract
//! (flags, exit statuses, the JSON report, the schedule file).

use std::path::Path;
use std::process::{Command, Output};

fn dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pidlab(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .current_dir(dir())
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("pidlab runs")
}

/// `explore ARGS --format json`: the exit status and the report.
fn explore_json(args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["explore"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let out = pidlab(&all);
    let text = String::from_utf8_lossy(&out.stdout);
    let v = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {text}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), v)
}

/// A field of a JSON value (null when missing).
fn at<I: serde_json::value::Index>(v: &serde_json::Value, i: I) -> &serde_json::Value {
    v.get(i).unwrap_or(&serde_json::Value::Null)
}

/// A property's name, status, faults and steps, as a report gives them.
type Verdict = (String, String, Option<u64>, Option<u64>);

/// Each property's verdict in a JSON report, in order.
fn verdicts(report: &serde_json::Value) -> Vec<Verdict> {
    at(report, "properties")
        .as_array()
        .map(|ps| {
            ps.iter()
                .map(|p| {
                    (
                        at(p, "name").as_str().unwrap_or("").to_string(),
                        at(p, "status").as_str().unwrap_or("").to_string(),
                        at(p, "faults").as_u64(),
                        at(p, "steps").as_u64(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Verdicts without their steps (which differ where counterexamples may).
fn no_steps(v: Vec<Verdict>) -> Vec<Verdict> {
    v.into_iter().map(|(n, s, f, _)| (n, s, f, None)).collect()
}

fn property<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    at(report, "properties")
        .as_array()
        .and_then(|ps| ps.iter().find(|p| at(p, "name") == name))
        .unwrap_or_else(|| panic!("no property {name} in {report}"))
}

#[test]
fn three_senders_and_a_collector_have_six_final_states() {
    let (status, r) = explore_json(&["tests/explore/collector.erl"]);
    assert_eq!(status, Some(0), "{r}");
    assert_eq!(at(&r, "final_states"), 6, "{r}");
    assert_eq!(at(&r, "result"), "pass");
    assert_eq!(at(&r, "complete"), true);
    for key in [
        "states",
        "transitions",
        "executions",
        "max_depth",
        "seconds",
        "bounds",
    ] {
        assert!(r.get(key).is_some(), "the report has {key}: {r}");
    }
}

#[test]
fn two_phase_commit_is_consistent_for_three_managers() {
    let (status, r) = explore_json(&[
        "tests/explore/tpc.erl",
        "3",
        "--props",
        "tests/explore/tpc_props.erl",
    ]);
    assert_eq!(status, Some(0), "{r}");
    assert_eq!(at(property(&r, "always_consistent"), "status"), "holds");
    assert_eq!(at(property(&r, "eventually_decided"), "status"), "holds");
    assert_eq!(
        at(property(&r, "sometimes_committed"), "status"),
        "witnessed"
    );
    assert_eq!(at(property(&r, "sometimes_committed"), "kind"), "sometimes");
}

/// The emitted terms of a replayed schedule, from its JSON trace.
fn replay_emits(program: &str, args: &[&str], schedule: &Path) -> Vec<String> {
    let trace = schedule.with_extension("trace.jsonl");
    let mut all = vec!["run", program];
    all.extend_from_slice(args);
    let s = schedule.to_string_lossy().to_string();
    let t = trace.to_string_lossy().to_string();
    all.extend_from_slice(&["--schedule", &s, "--trace-json", &t]);
    let out = pidlab(&all);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = std::fs::read_to_string(&trace).unwrap_or_default();
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|e| at(e, "kind") == "emit")
        .filter_map(|e| at(&e, "term").as_str().map(String::from))
        .collect()
}

#[test]
fn a_coordinator_that_commits_on_the_first_vote_is_caught_and_the_counterexample_replays() {
    let out = std::env::temp_dir().join(format!("pidlab-tpc-bug-{}.json", std::process::id()));
    let o = out.to_string_lossy().to_string();
    let (status, r) = explore_json(&[
        "tests/explore/tpc_bug.erl",
        "2",
        "--props",
        "tests/explore/tpc_props.erl",
        "--counterexample",
        &o,
    ]);
    assert_eq!(status, Some(1), "{r}");
    let p = property(&r, "always_consistent");
    assert_eq!(at(p, "status"), "violated");
    assert_eq!(at(p, "faults"), 0);
    assert_eq!(at(p, "counterexample"), o.as_str());
    // The replay shows the bug: commit decided though a manager aborted.
    let emits = replay_emits("tests/explore/tpc_bug.erl", &["2"], &out);
    assert!(emits.contains(&"{decide,commit}".to_string()), "{emits:?}");
    assert!(
        emits
            .iter()
            .any(|e| e.starts_with("{vote,") && e.ends_with(",aborted}")),
        "{emits:?}"
    );
    // No shorter execution shows it: depth-first search over every
    // execution (no reduction, which may lengthen executions) bounded one
    // step below finds none.
    let steps = at(p, "steps").as_u64().unwrap_or(0);
    let shorter = (steps - 1).to_string();
    let (status, r) = explore_json(&[
        "tests/explore/tpc_bug.erl",
        "2",
        "--props",
        "tests/explore/tpc_props.erl",
        "--dfs",
        "--no-reduction",
        "--max-depth",
        &shorter,
    ]);
    assert_eq!(
        at(property(&r, "always_consistent"), "status"),
        "holds",
        "{r}"
    );
    assert_eq!(status, Some(0));
}

#[test]
fn perfect_links_hold_over_fair_loss_links_and_a_link_without_deduplication_fails() {
    let flags = [
        "--props",
        "tests/explore/links_props.erl",
        "--net",
        "fair-loss:loss=0.3,dup=0.3",
        "--budget",
        "losses=1,dups=1",
    ];
    let mut args = vec!["tests/explore/pl_small.erl"];
    args.extend_from_slice(&flags);
    let (status, r) = explore_json(&args);
    assert_eq!(status, Some(0), "{r}");
    for p in [
        "always_no_duplication",
        "always_no_creation",
        "eventually_delivered",
    ] {
        assert_eq!(property(&r, p)["status"], "holds", "{p}: {r}");
    }
    let mut args = vec!["tests/explore/naive_small.erl"];
    args.extend_from_slice(&flags);
    let (status, r) = explore_json(&args);
    assert_eq!(status, Some(1), "{r}");
    let p = property(&r, "always_no_duplication");
    assert_eq!(at(p, "status"), "violated");
    assert_eq!(
        at(p, "faults"),
        1,
        "one duplication is the fewest faults: {r}"
    );
}

#[test]
fn eager_reliable_broadcast_keeps_agreement_under_a_crash_and_best_effort_loses_it() {
    // The broadcaster (p5) crashes right after its first or its second
    // send: the members that heard it relay hello (eager reliable
    // broadcast) or do not (best effort).
    for crash in ["p5@send=1", "p5@send=2"] {
        let flags = [
            "--props",
            "tests/explore/agreement_props.erl",
            "--crash",
            crash,
        ];
        let mut args = vec!["lessons/10-broadcast/erb.erl"];
        args.extend_from_slice(&flags);
        let (status, r) = explore_json(&args);
        assert_eq!(status, Some(0), "{crash}: {r}");
        assert_eq!(at(&r, "complete"), true, "{crash}: {r}");
        assert_eq!(property(&r, "eventually_all_deliver")["status"], "holds");
        assert_eq!(property(&r, "always_no_duplication")["status"], "holds");
        let mut args = vec!["lessons/10-broadcast/beb.erl"];
        args.extend_from_slice(&flags);
        let (status, r) = explore_json(&args);
        assert_eq!(status, Some(1), "{crash}: {r}");
        let p = property(&r, "eventually_all_deliver");
        assert_eq!(at(p, "status"), "violated", "{crash}: {r}");
        assert_eq!(property(&r, "always_no_duplication")["status"], "holds");
    }
}

#[test]
fn a_heartbeat_detector_suspects_falsely_under_async_timing_only() {
    let verdict = |timing: &str| {
        let (status, r) = explore_json(&[
            "lessons/03-timing/heartbeat_solution.erl",
            "--props",
            "lessons/03-timing/heartbeat_props.erl",
            "--timing",
            timing,
        ]);
        assert_eq!(at(&r, "complete"), true, "{timing}: {r}");
        let p = property(&r, "always_no_false_suspicion");
        (status, at(p, "status").as_str().unwrap_or("").to_string())
    };
    // Messages take at most 20 ms and the timeout is longer than a period
    // and that: no false suspicion in any execution.
    assert_eq!(verdict("sync:delta=20"), (Some(0), "holds".into()));
    assert_eq!(verdict("psync:gst=0,delta=20"), (Some(0), "holds".into()));
    // With no bound on delays, some execution suspects the live beater.
    assert_eq!(verdict("async"), (Some(1), "violated".into()));
}

#[test]
fn a_retransmission_loop_over_a_lossy_link_violates_eventually_with_a_lasso() {
    let out = std::env::temp_dir().join(format!("pidlab-lasso-{}.json", std::process::id()));
    let o = out.to_string_lossy().to_string();
    let (status, r) = explore_json(&[
        "tests/explore/lasso.erl",
        "--props",
        "tests/explore/lasso_props.erl",
        "--net",
        "fair-loss:loss=0.5",
        "--counterexample",
        &o,
    ]);
    assert_eq!(status, Some(1), "{r}");
    assert_eq!(at(property(&r, "eventually_got"), "status"), "violated");
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    let s: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    assert!(
        at(&s, "cycle_from").as_u64().is_some(),
        "a lasso has a cycle: {s}"
    );
    assert_eq!(at(at(&s, "flags"), 0usize), "--net");
    // Without losses the ping arrives: the property holds.
    let (status, r) = explore_json(&[
        "tests/explore/lasso.erl",
        "--props",
        "tests/explore/lasso_props.erl",
    ]);
    assert_eq!(status, Some(0), "{r}");
}

#[test]
fn pidlab_choose_branches_and_checks_need_no_code() {
    let src = "-module(dl).\n-export([main/0]).\n\
        main() -> P = spawn(fun() -> receive go -> ok end end),\n\
        case pidlab:choose([send, forget]) of send -> P ! go; forget -> ok end.\n";
    let file = std::env::temp_dir().join(format!("pidlab-dl-{}.erl", std::process::id()));
    std::fs::write(&file, src).expect("writes");
    let f = file.to_string_lossy().to_string();
    let (status, r) = explore_json(&[&f, "--check", "no-deadlock", "--check", "no-crash"]);
    assert_eq!(status, Some(1), "{r}");
    let d = property(&r, "no-deadlock");
    assert_eq!(at(d, "status"), "violated");
    assert!(
        at(d, "why")
            .as_str()
            .unwrap_or("")
            .contains("waits in receive"),
        "{d}"
    );
    assert_eq!(at(property(&r, "no-crash"), "status"), "holds");
    // A server marked with pidlab:idle() may wait forever.
    let idle = src.replace("fun() -> receive", "fun() -> pidlab:idle(), receive");
    std::fs::write(&file, idle).expect("writes");
    let (status, r) = explore_json(&[&f, "--check", "no-deadlock"]);
    assert_eq!(status, Some(0), "{r}");
}

#[test]
fn bad_input_exits_2_with_a_diagnostic() {
    let props = std::env::temp_dir().join(format!("pidlab-badprops-{}.erl", std::process::id()));
    std::fs::write(
        &props,
        "-module(badprops).\n-export([always_head/1]).\nalways_head(E) -> hd(E) =:= x.\n",
    )
    .expect("writes");
    let p = props.to_string_lossy().to_string();
    let out = pidlab(&["explore", "tests/explore/collector.erl", "--props", &p]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("property always_head crashed"), "{err}");
    assert!(
        err.contains("always_head(E)"),
        "points at the source: {err}"
    );
    let out = pidlab(&["explore", "tests/explore/collector.erl", "--net", "lossy"]);
    assert_eq!(out.status.code(), Some(2));
    let out = pidlab(&["explore", "tests/explore/no_such_file.erl"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_text_report_says_the_bounds_in_words() {
    let out = pidlab(&[
        "explore",
        "tests/explore/pl_small.erl",
        "--props",
        "tests/explore/links_props.erl",
        "--net",
        "fair-loss:loss=0.3",
        "--budget",
        "losses=2,crashes=1",
        "--max-depth",
        "60",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("bounds: every execution with at most 1 crash and 2 losses, up to 60 steps"),
        "{text}"
    );
    assert!(text.contains("result: pass"), "{text}");
}

#[test]
fn processes_that_never_interact_are_one_execution_with_the_reduction() {
    let (status, r) = explore_json(&["tests/explore/independent.erl"]);
    assert_eq!(status, Some(0), "{r}");
    assert_eq!(at(&r, "executions"), 1, "{r}");
    let (_, full) = explore_json(&["tests/explore/independent.erl", "--no-reduction"]);
    assert!(at(&full, "executions").as_u64() > Some(1), "{full}");
    // The reduction keeps every final state: the collector's six orders.
    let (_, reduced) = explore_json(&["tests/explore/collector.erl"]);
    let (_, all) = explore_json(&["tests/explore/collector.erl", "--no-reduction"]);
    assert_eq!(at(&reduced, "final_states"), 6);
    assert_eq!(at(&all, "final_states"), 6);
    assert!(at(&reduced, "states").as_u64() < at(&all, "states").as_u64());
}

/// Deliveries to different receivers commute, but none can be taken
/// alone (a third process knows every receiver): sleep sets keep the
/// search from taking them in both orders, so every state is entered
/// once, by one transition, and no execution joins another.
#[test]
fn commuting_deliveries_are_taken_in_one_order_with_sleep_sets() {
    let (status, r) = explore_json(&["tests/explore/known_receivers.erl", "--threads", "1"]);
    assert_eq!(status, Some(0), "{r}");
    assert_eq!(at(&r, "executions"), 1, "{r}");
    assert_eq!(
        at(&r, "transitions").as_u64(),
        at(&r, "states").as_u64().map(|s| s - 1),
        "{r}"
    );
    let (_, full) = explore_json(&[
        "tests/explore/known_receivers.erl",
        "--no-reduction",
        "--threads",
        "1",
    ]);
    assert!(at(&full, "executions").as_u64() > Some(1000), "{full}");
    assert_eq!(at(&full, "final_states"), at(&r, "final_states"));
    // Deliveries that race to the same receiver and to different ones:
    // every combination of arrival orders is a final state (2 for each
    // of three peers, 6 for main).
    let (_, r) = explore_json(&["tests/explore/gossip_orders.erl", "--threads", "1"]);
    assert_eq!(at(&r, "final_states"), 48, "{r}");
}

#[test]
fn random_walks_are_seeded_and_say_they_are_not_exhaustive() {
    let args = [
        "tests/explore/tpc_bug.erl",
        "3",
        "--props",
        "tests/explore/tpc_props.erl",
        "--random",
        "200",
        "--seed",
        "3",
    ];
    let (status, a) = explore_json(&args);
    let (_, b) = explore_json(&args);
    assert_eq!(status, Some(1), "{a}");
    assert_eq!(at(&a, "complete"), false);
    assert_eq!(at(property(&a, "always_consistent"), "status"), "violated");
    for key in ["states", "transitions", "executions", "final_states"] {
        assert_eq!(at(&a, key), at(&b, key), "the same seed, the same walks");
    }
}

#[test]
fn two_phase_commit_checked_in_the_program_holds_for_three_to_five_managers_and_a_bug_is_caught() {
    for n in ["3", "4", "5"] {
        let (status, r) = explore_json(&["tests/explore/tpc_check.erl", n, "--check", "no-crash"]);
        assert_eq!(status, Some(0), "{n} managers: {r}");
        assert_eq!(at(&r, "complete"), true, "{n} managers: {r}");
        assert_eq!(at(property(&r, "no-crash"), "status"), "holds");
    }
    let (status, r) = explore_json(&[
        "tests/explore/tpc_check_bug.erl",
        "3",
        "--check",
        "no-crash",
    ]);
    assert_eq!(status, Some(1), "{r}");
    let p = property(&r, "no-crash");
    assert_eq!(at(p, "status"), "violated");
    assert!(
        at(p, "why").as_str().unwrap_or("").contains("inconsistent"),
        "{p}"
    );
}

/// The reduction against the full search on every test program: the same
/// verdict for every property and check, the same number of final states,
/// the same fewest faults and, once shortened, as few steps, and fewer (or
/// as many) states. Liveness (`eventually_`) and receives that block are
/// included.
#[test]
fn the_reduction_keeps_every_verdict_final_state_and_fewest_faults() {
    let links = [
        "--props",
        "tests/explore/links_props.erl",
        "--net",
        "fair-loss:loss=0.3,dup=0.3",
        "--budget",
        "losses=1,dups=1",
    ];
    let tpc = ["--props", "tests/explore/tpc_props.erl"];
    let crash = ["--check", "no-crash"];
    let all_checks = [
        "--check",
        "no-crash",
        "--check",
        "no-deadlock",
        "--check",
        "no-leftover",
    ];
    let cases: Vec<Vec<&str>> = vec![
        [&["tests/explore/collector.erl"][..], &all_checks].concat(),
        [&["tests/explore/independent.erl"][..], &all_checks].concat(),
        [&["tests/explore/known_receivers.erl"][..], &all_checks].concat(),
        [&["tests/explore/gossip_orders.erl"][..], &all_checks].concat(),
        [&["tests/explore/tpc.erl", "2"][..], &tpc].concat(),
        [&["tests/explore/tpc.erl", "3"][..], &tpc].concat(),
        [&["tests/explore/tpc_bug.erl", "2"][..], &tpc].concat(),
        [&["tests/explore/tpc_check.erl", "3"][..], &crash].concat(),
        [&["tests/explore/tpc_check_bug.erl", "3"][..], &crash].concat(),
        [&["tests/explore/pl_small.erl"][..], &links].concat(),
        [&["tests/explore/naive_small.erl"][..], &links].concat(),
        vec![
            "tests/explore/lasso.erl",
            "--props",
            "tests/explore/lasso_props.erl",
            "--net",
            "fair-loss:loss=0.5",
        ],
        vec![
            "tests/explore/lasso.erl",
            "--props",
            "tests/explore/lasso_props.erl",
        ],
    ];
    for case in cases {
        // One worker: the shortest counterexamples are found the same way
        // every time.
        let one_args = [&case[..], &["--threads", "1"]].concat();
        let (status, reduced) = explore_json(&one_args);
        let full_args = [
            &case[..],
            &[
                "--no-reduction",
                "--max-states",
                "3000000",
                "--threads",
                "1",
            ],
        ]
        .concat();
        let (full_status, full) = explore_json(&full_args);
        let name = case.join(" ");
        assert_eq!(status, full_status, "{name}: {reduced} {full}");
        assert_eq!(at(&reduced, "complete"), true, "{name}: {reduced}");
        assert_eq!(at(&full, "complete"), true, "{name}: {full}");
        assert_eq!(
            at(&reduced, "final_states"),
            at(&full, "final_states"),
            "{name}"
        );
        assert!(
            at(&reduced, "states").as_u64() <= at(&full, "states").as_u64(),
            "{name}: {reduced} {full}"
        );
        // The fewest faults count for a violation only.
        let props = |r: &serde_json::Value| -> Vec<Verdict> {
            verdicts(r)
                .into_iter()
                .map(|(n, s, f, k)| {
                    let f = f.filter(|_| s == "violated");
                    (n, s, f, k)
                })
                .collect()
        };
        // Two workers give the same verdicts and fewest faults; one worker
        // gives the same report every time (but for the time taken).
        let (two_status, two) = explore_json(&[&case[..], &["--threads", "2"]].concat());
        assert_eq!(two_status, status, "{name}");
        assert_eq!(
            no_steps(props(&two)),
            no_steps(props(&reduced)),
            "{name}: {two} {reduced}"
        );
        assert_eq!(at(&two, "final_states"), at(&reduced, "final_states"));
        let one = reduced.clone();
        let (_, again) = explore_json(&one_args);
        let timeless = |v: &serde_json::Value| {
            let mut v = v.clone();
            if let Some(o) = v.as_object_mut() {
                o.remove("seconds");
            }
            v
        };
        assert_eq!(timeless(&one), timeless(&again), "{name}");
        // A lasso's way to its cycle is shortened as well.
        assert_eq!(props(&reduced), props(&full), "{name}");
    }
}

/// A crash reason reads as erl prints it (`~p`): the file in the
/// stack trace is a string, not a list of character codes.
#[test]
fn a_crash_reason_names_its_file_as_a_string() {
    let (status, report) = explore_json(&[
        "tests/explore/tpc_check_bug.erl",
        "3",
        "--check",
        "no-crash",
        "--threads",
        "1",
    ]);
    assert_eq!(status, Some(1), "{report}");
    let why = at(property(&report, "no-crash"), "why")
        .as_str()
        .unwrap_or("");
    assert!(
        why.contains("ended with reason {inconsistent,[{tpc_check_bug,manager,0,[{file,\"tpc_check_bug.erl\"},{line,"),
        "{why}"
    );
}

/// Spaces large enough that the first search hands states to a helper:
/// breadth and depth first, two workers agree with one on the exit
/// status, the final states and each verdict with its fewest faults.
#[test]
fn two_workers_agree_with_one_breadth_and_depth_first() {
    let cases: [&[&str]; 3] = [
        &["tests/explore/tpc_check.erl", "5", "--check", "no-crash"],
        &[
            "tests/explore/tpc_check_bug.erl",
            "5",
            "--check",
            "no-crash",
        ],
        &[
            "tests/explore/tpc.erl",
            "4",
            "--props",
            "tests/explore/tpc_props.erl",
        ],
    ];
    for case in cases {
        for order in [&[][..], &["--dfs"][..]] {
            let run =
                |threads: &str| explore_json(&[case, order, &["--threads", threads]].concat());
            let (one_status, one) = run("1");
            let (two_status, two) = run("2");
            let name = format!("{} {}", case.join(" "), order.join(" "));
            assert!(
                at(&one, "states").as_u64() > Some(2000),
                "{name}: large enough to split: {one}"
            );
            assert_eq!(one_status, two_status, "{name}");
            assert_eq!(at(&one, "complete"), true, "{name}: {one}");
            assert_eq!(at(&two, "complete"), true, "{name}: {two}");
            assert_eq!(at(&one, "final_states"), at(&two, "final_states"), "{name}");
            assert_eq!(
                no_steps(verdicts(&one)),
                no_steps(verdicts(&two)),
                "{name}: {one} {two}"
            );
        }
    }
}

/// A small model of `tests/explore/tpc_check.erl` written here, step for
/// step as pidlab takes them (a process runs to its next spawn, send,
/// receive, block, choice or end; a delivery is a step of its own; a woken
/// process is at its `receive`, not where it stopped before it), counted
/// by a breadth-first search of its own.
#[allow(clippy::indexing_slicing)]
mod tpc_model {
    use std::collections::{HashSet, VecDeque};

    #[derive(Clone, PartialEq, Eq, Hash)]
    pub enum Coord {
        Spawn(usize),
        Prepare(usize),
        /// Collecting with n votes to go: just after its last action, or
        /// blocked, or woken at its receive.
        Fresh(usize, Vec<bool>),
        Blocked(usize, Vec<bool>),
        Woken(usize, Vec<bool>),
        Decide(usize, bool),
        Ended,
    }

    #[derive(Clone, PartialEq, Eq, Hash)]
    pub enum Manager {
        Unborn,
        Start,
        BlockedPrepare,
        WokenPrepare,
        Prepared,
        Choosing,
        Chosen(bool),
        Voted(bool),
        BlockedDecision(bool),
        WokenDecision(bool),
        /// Received the decision; true for the clause that crashes.
        Got(bool),
        Ended,
    }

    /// Messages: to a manager `None` is prepare and `Some(d)` a decision
    /// (true: commit); to the coordinator, a vote (true: prepared).
    #[derive(Clone, PartialEq, Eq, Hash)]
    pub struct State {
        coord: Coord,
        coord_box: Vec<bool>,
        managers: Vec<Manager>,
        boxes: Vec<Vec<Option<bool>>>,
        to_manager: Vec<Vec<Option<bool>>>,
        to_coord: Vec<Vec<bool>>,
    }

    fn successors(s: &State) -> Vec<State> {
        let n = s.managers.len();
        let mut out = vec![];
        let next = |f: &dyn Fn(&mut State)| {
            let mut t = s.clone();
            f(&mut t);
            t
        };
        match &s.coord {
            Coord::Spawn(k) if *k < n => out.push(next(&|t| {
                t.coord = Coord::Spawn(k + 1);
                t.managers[*k] = Manager::Start;
            })),
            Coord::Spawn(_) => out.push(next(&|t| {
                t.coord = Coord::Prepare(1);
                t.to_manager[0].push(None);
            })),
            Coord::Prepare(k) => out.push(next(&|t| {
                t.coord = if k + 1 < n {
                    Coord::Prepare(k + 1)
                } else {
                    Coord::Fresh(n, vec![])
                };
                t.to_manager[*k].push(None);
            })),
            Coord::Fresh(0, votes) | Coord::Woken(0, votes) => out.push(next(&|t| {
                let d = votes.iter().all(|v| *v);
                t.coord = Coord::Decide(1, d);
                t.to_manager[0].push(Some(d));
            })),
            Coord::Fresh(left, votes) | Coord::Woken(left, votes) => match s.coord_box.first() {
                Some(v) => out.push(next(&|t| {
                    let mut vs = vec![*v];
                    vs.extend(votes.iter().copied());
                    t.coord = Coord::Fresh(left - 1, vs);
                    t.coord_box.remove(0);
                })),
                None => out.push(next(&|t| t.coord = Coord::Blocked(*left, votes.clone()))),
            },
            Coord::Decide(k, d) if *k < n => out.push(next(&|t| {
                t.coord = Coord::Decide(k + 1, *d);
                t.to_manager[*k].push(Some(*d));
            })),
            Coord::Decide(..) => out.push(next(&|t| t.coord = Coord::Ended)),
            Coord::Blocked(..) | Coord::Ended => {}
        }
        for i in 0..n {
            let head = s.boxes[i].first().copied();
            let step = |m: Manager, take: bool, vote: Option<bool>| {
                next(&|t: &mut State| {
                    t.managers[i] = m.clone();
                    if take {
                        t.boxes[i].remove(0);
                    }
                    if let Some(v) = vote {
                        t.to_coord[i].push(v);
                    }
                })
            };
            match &s.managers[i] {
                Manager::Start | Manager::WokenPrepare => out.push(match head {
                    Some(_) => step(Manager::Prepared, true, None),
                    None => step(Manager::BlockedPrepare, false, None),
                }),
                Manager::Prepared => out.push(step(Manager::Choosing, false, None)),
                Manager::Choosing => {
                    out.push(step(Manager::Chosen(true), false, None));
                    out.push(step(Manager::Chosen(false), false, None));
                }
                Manager::Chosen(v) => out.push(step(Manager::Voted(*v), false, Some(*v))),
                Manager::Voted(v) | Manager::WokenDecision(v) => out.push(match head {
                    Some(d) => step(Manager::Got(d == Some(true) && !*v), true, None),
                    None => step(Manager::BlockedDecision(*v), false, None),
                }),
                Manager::Got(_) => out.push(step(Manager::Ended, false, None)),
                _ => {}
            }
            if let Some(m) = s.to_manager[i].first().copied() {
                out.push(next(&|t| {
                    t.to_manager[i].remove(0);
                    t.boxes[i].push(m);
                    t.managers[i] = match &t.managers[i] {
                        Manager::BlockedPrepare => Manager::WokenPrepare,
                        Manager::BlockedDecision(v) => Manager::WokenDecision(*v),
                        other => other.clone(),
                    };
                }));
            }
            if let Some(v) = s.to_coord[i].first().copied() {
                out.push(next(&|t| {
                    t.to_coord[i].remove(0);
                    t.coord_box.push(v);
                    if let Coord::Blocked(left, votes) = &t.coord {
                        t.coord = Coord::Woken(*left, votes.clone());
                    }
                }));
            }
        }
        out
    }

    /// The number of distinct states with `n` managers.
    pub fn states(n: usize) -> usize {
        let start = State {
            coord: Coord::Spawn(0),
            coord_box: vec![],
            managers: vec![Manager::Unborn; n],
            boxes: vec![vec![]; n],
            to_manager: vec![vec![]; n],
            to_coord: vec![vec![]; n],
        };
        let mut seen = HashSet::from([start.clone()]);
        let mut queue = VecDeque::from([start]);
        while let Some(s) = queue.pop_front() {
            for t in successors(&s) {
                if seen.insert(t.clone()) {
                    queue.push_back(t);
                }
            }
        }
        seen.len()
    }
}

#[test]
fn two_phase_commit_has_as_many_states_as_an_independent_model() {
    for n in [2usize, 3] {
        let (status, r) = explore_json(&[
            "tests/explore/tpc_check.erl",
            &n.to_string(),
            "--check",
            "no-crash",
            "--no-reduction",
            "--threads",
            "1",
        ]);
        assert_eq!(status, Some(0), "{r}");
        assert_eq!(at(&r, "complete"), true);
        let model = tpc_model::states(n) as u64;
        assert_eq!(at(&r, "states").as_u64(), Some(model), "{n} managers: {r}");
    }
}

/// Counts theory fixes for N processes that never interact, spawned one by
/// one by main (independent_n.erl). Main takes N + 1 steps (a spawn each,
/// then its return); each worker takes one step, any time after its spawn.
/// A state is how far main got (m of N spawns, or returned) and which of
/// the m spawned workers are done: 2^m states for each m, and 2^N once main
/// has returned. From a state, main can step (until it returns) and every
/// spawned worker not yet done can. Every execution ends in the one final
/// state; with states merged, the executions the search counts are the
/// final state's plus one for each step into a state already seen.
#[test]
fn with_the_reduction_off_independent_processes_give_the_counts_of_the_formula() {
    for n in 1..=6u32 {
        let arg = n.to_string();
        let (status, full) = explore_json(&[
            "tests/explore/independent_n.erl",
            &arg,
            "--no-reduction",
            "--threads",
            "1",
        ]);
        assert_eq!(status, Some(0), "{full}");
        let mut states = 0u64;
        let mut steps = 0u64;
        for m in 0..=n {
            states += 1 << m;
            // In each of the 2^m states, main steps once and, summed over
            // the states, the spawned workers not yet done step m 2^(m-1)
            // times.
            steps += (1 << m) + u64::from(m) * (1 << m) / 2;
        }
        // Main has returned: 2^N states, workers only.
        states += 1 << n;
        steps += u64::from(n) * (1 << n) / 2;
        assert_eq!(at(&full, "states"), states, "N = {n}: {full}");
        assert_eq!(at(&full, "transitions"), steps, "N = {n}: {full}");
        assert_eq!(
            at(&full, "executions"),
            steps - (states - 1) + 1,
            "N = {n}: {full}"
        );
        assert_eq!(at(&full, "final_states"), 1, "N = {n}: {full}");
        // With the reduction, fewer (main keeps the workers' pids in its
        // list, so their ends are not independent of it: not always one).
        let (_, reduced) = explore_json(&["tests/explore/independent_n.erl", &arg]);
        assert!(
            at(&reduced, "states").as_u64() <= at(&full, "states").as_u64(),
            "{reduced}"
        );
        assert_eq!(
            at(&reduced, "final_states"),
            1,
            "N = {n}, reduced: {reduced}"
        );
    }
}

/// One step of a generated worker.
#[derive(Clone, Debug)]
enum Act {
    /// Send to worker `to` (1-based) a message naming the sender and step.
    Send(usize),
    /// Receive any message.
    Any,
    /// Receive only a message from worker `from`.
    From(usize),
    /// `pidlab:choose/1` between two atoms.
    Choose,
}

/// An Erlang program of `workers.len()` workers that know each other,
/// each running its steps and then holding what it received and chose,
/// so that every order of arrivals and choices is a final state of its
/// own (and a receive that no message matches is a deadlock).
fn program(workers: &[Vec<Act>]) -> String {
    let n = workers.len();
    let peers: Vec<String> = (1..=n).map(|i| format!("P{i}")).collect();
    let peers = peers.join(", ");
    let mut src = format!(
        "-module(generated).\n-export([main/0]).\n\n\
         main() ->\n    Ps = [spawn(fun() -> receive {{peers, All}} -> work(I, All) end end) || I <- lists:seq(1, {n})],\n    \
         [P ! {{peers, Ps}} || P <- Ps],\n    ok.\n\n\
         hold(Seen) ->\n    receive stop -> Seen end.\n"
    );
    for (w, acts) in workers.iter().enumerate() {
        let me = w + 1;
        let end = if me == n { "." } else { ";" };
        src.push_str(&format!("\nwork({me}, [{peers}]) ->\n    S0 = [],\n"));
        for (k, act) in acts.iter().enumerate() {
            let (s, t) = (k, k + 1);
            let line = match act {
                Act::Send(to) => format!("P{to} ! {{w{me}, {k}}}, S{t} = S{s}"),
                Act::Any => format!("S{t} = [receive M{t} -> M{t} end | S{s}]"),
                Act::From(from) => {
                    format!("S{t} = [receive {{w{from}, _}} = M{t} -> M{t} end | S{s}]")
                }
                Act::Choose => format!("S{t} = [pidlab:choose([a, b]) | S{s}]"),
            };
            src.push_str(&format!("    {line},\n"));
        }
        src.push_str(&format!("    hold(S{}){end}\n", acts.len()));
    }
    src
}

fn act(workers: usize) -> impl proptest::strategy::Strategy<Value = Act> {
    use proptest::prelude::*;
    prop_oneof![
        (1..=workers).prop_map(Act::Send),
        Just(Act::Any),
        (1..=workers).prop_map(Act::From),
        Just(Act::Choose),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// The reduction (single steps taken alone and sleep sets) keeps every
    /// final state and every check's verdict and fewest faults, on
    /// programs nobody chose: workers that send to each other, receive
    /// any message or only one sender's, and choose.
    #[test]
    fn the_reduction_agrees_with_the_full_search_on_generated_programs(
        workers in proptest::strategy::Strategy::prop_flat_map(2usize..=3, |n| {
            proptest::collection::vec(proptest::collection::vec(act(n), 1..=4), n)
        }),
        crash in proptest::bool::ANY,
    ) {
        let src = program(&workers);
        let file = std::env::temp_dir().join(format!(
            "pidlab-generated-{}-{:x}.erl",
            std::process::id(),
            {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                src.hash(&mut h);
                crash.hash(&mut h);
                h.finish()
            }
        ));
        std::fs::write(&file, &src).expect("writes the program");
        let path = file.display().to_string();
        let mut args = vec![
            path.as_str(), "--check", "no-deadlock", "--check", "no-leftover",
            "--check", "no-crash", "--threads", "1", "--max-states", "400000",
        ];
        if crash {
            args.extend_from_slice(&["--crash", "p3@send=1"]);
        }
        let (status, reduced) = explore_json(&args);
        let (full_status, full) = explore_json(&[&args[..], &["--no-reduction"]].concat());
        // Depth first takes the steps in another order: the same final
        // states and verdicts (it promises no fewest faults).
        let (dfs_status, dfs) = explore_json(&[&args[..], &["--dfs"]].concat());
        let _ = std::fs::remove_file(&file);
        proptest::prop_assume!(at(&full, "complete") == &serde_json::Value::Bool(true));
        proptest::prop_assert_eq!(status, full_status, "{}\n{}\n{}", src, reduced, full);
        proptest::prop_assert_eq!(at(&reduced, "complete"), &serde_json::Value::Bool(true));
        proptest::prop_assert_eq!(
            at(&reduced, "final_states"), at(&full, "final_states"),
            "{}\n{}\n{}", src, reduced, full
        );
        proptest::prop_assert_eq!(
            no_steps(verdicts(&reduced)), no_steps(verdicts(&full)),
            "{}\n{}\n{}", src, reduced, full
        );
        let statuses = |r: &serde_json::Value| -> Vec<(String, String)> {
            verdicts(r).into_iter().map(|(n, s, _, _)| (n, s)).collect()
        };
        proptest::prop_assert_eq!(dfs_status, full_status, "{}\n{}\n{}", src, dfs, full);
        proptest::prop_assert_eq!(
            at(&dfs, "final_states"), at(&full, "final_states"),
            "{}\n{}\n{}", src, dfs, full
        );
        proptest::prop_assert_eq!(statuses(&dfs), statuses(&full), "{}\n{}\n{}", src, dfs, full);
    }
}

#[test]
fn a_property_false_before_any_step_is_named_as_such_not_shown_as_an_empty_counterexample() {
    let props = std::env::temp_dir().join(format!("pidlab-nonempty-{}.erl", std::process::id()));
    std::fs::write(
        &props,
        "-module(nonempty_props).\n-export([always_something/1]).\n\
         always_something(E) -> E =/= [].\n",
    )
    .expect("writes");
    let out = pidlab(&[
        "explore",
        "tests/explore/collector.erl",
        "--props",
        &props.to_string_lossy(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("always_something is false before any step"),
        "{text}"
    );
    assert!(!text.contains("counterexample for"), "{text}");
}
