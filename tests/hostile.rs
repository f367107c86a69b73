#![allow(clippy::indexing_slicing)] // tests may index: a panic is a failed test
//! Hostile programs end with a clear message, never a crash or a hang.

use std::process::Command;

fn run(src: &str, extra: &[&str]) -> (i32, String, String) {
    // One folder per program: the tests run in parallel.
    let tag = src.len() * 31 + src.bytes().map(usize::from).sum::<usize>();
    let dir = std::env::temp_dir().join(format!("pidlab-hostile-{}-{tag}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("hostile.erl");
    std::fs::write(&file, src).expect("temp file is writable");
    let out = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .arg("run")
        .arg(&file)
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .expect("pidlab runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn endless_loop_stops_at_the_reduction_bound() {
    let src =
        "-module(hostile).\n-export([main/0]).\nmain() -> loop(0).\nloop(N) -> loop(N + 1).\n";
    let (code, _, err) = run(src, &["--max-reductions", "100000"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("stopped after") && err.contains("reductions"),
        "{err}"
    );
}

#[test]
fn endless_deep_recursion_is_a_system_limit_error() {
    let src =
        "-module(hostile).\n-export([main/0]).\nmain() -> deep(0).\ndeep(N) -> 1 + deep(N + 1).\n";
    let (code, _, err) = run(src, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("system limit"), "{err}");
}

#[test]
fn huge_list_request_is_refused() {
    let src =
        "-module(hostile).\n-export([main/0]).\nmain() -> length(lists:seq(1, 1000000000000)).\n";
    let (code, _, err) = run(src, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("system_limit"), "{err}");
}

#[test]
fn receive_with_no_sender_is_reported_as_deadlock() {
    let src = "-module(hostile).\n-export([main/0]).\nmain() -> receive X -> X end.\n";
    let (code, _, err) = run(src, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("deadlock") && err.contains("line 3"), "{err}");
}

#[test]
fn uncaught_error_points_at_the_expression_and_exits_1() {
    let src = "-module(hostile).\n-export([main/0]).\nmain() ->\n    io:format(\"before~n\"),\n    X = 0,\n    10 div X.\n";
    let (code, out, err) = run(src, &[]);
    assert_eq!(code, 1);
    assert_eq!(out, "before\n");
    assert!(
        err.contains("an error occurred when evaluating an arithmetic expression"),
        "{err}"
    );
    assert!(err.contains("hostile.erl:6:5"), "{err}");
}

#[test]
fn main_with_arguments_receives_them_as_strings() {
    let src = "-module(hostile).\n-export([main/1]).\nmain(Args) -> io:format(\"~p~n\", [Args]).\n";
    let (code, out, _) = run(src, &["--", "one", "2"]);
    assert_eq!(code, 0);
    assert_eq!(out, "[\"one\",\"2\"]\n");
}

#[test]
fn spawning_without_end_stops_at_the_process_bound() {
    let src = "-module(hostile).\n-export([main/0]).\nmain() -> go().\ngo() -> spawn(fun() -> receive _ -> ok end end), go().\n";
    let (code, _, err) = run(src, &["--max-procs", "500"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("bound of 500 live processes"), "{err}");
}

#[test]
fn message_flood_stops_at_the_mailbox_bound() {
    let src = "-module(hostile).\n-export([main/0]).\nmain() -> P = spawn(fun() -> receive stop -> ok end end), flood(P).\nflood(P) -> P ! junk, flood(P).\n";
    let (code, _, err) = run(src, &["--max-mailbox", "2000"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("reached its bound of 2000 messages"), "{err}");
}

#[test]
fn deadlock_lists_every_blocked_process() {
    let src = "-module(hostile).\n-export([main/0]).\nmain() ->\n    spawn(fun() -> receive never -> ok end end),\n    receive never -> ok end.\n";
    let (code, _, err) = run(src, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("<0.81.0> waits in receive at line 4"), "{err}");
    assert!(err.contains("<0.80.0> waits in receive at line 5"), "{err}");
}

#[test]
fn trace_json_is_identical_for_the_same_seed_and_has_the_fixed_core() {
    let src = "-module(hostile).\n-export([main/0]).\nmain() -> Me = self(),\n    [spawn(fun() -> Me ! N end) || N <- [1, 2, 3]],\n    [receive X -> X end || _ <- [1, 2, 3]].\n";
    let dir = std::env::temp_dir().join(format!("pidlab-trace-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mut traces = vec![];
    for i in 0..2 {
        let path = dir.join(format!("t{i}.jsonl"));
        let p = path.to_string_lossy().to_string();
        let (code, _, err) = run(src, &["--seed", "9", "--trace-json", &p]);
        assert_eq!(code, 0, "{err}");
        traces.push(std::fs::read_to_string(&path).expect("trace written"));
    }
    assert_eq!(traces[0], traces[1]);
    let first = traces[0].lines().next().expect("at least one event");
    let v: serde_json::Value = serde_json::from_str(first).expect("each line is JSON");
    assert_eq!(v["id"], "e1");
    assert_eq!(v["kind"], "spawn");
    assert_eq!(v["proc"], "<0.80.0>");
    assert_eq!(v["lamport"], 1);
    assert_eq!(v["vc"]["<0.80.0>"], 1);
    assert!(traces[0].contains("\"kind\":\"receive\"") && traces[0].contains("\"msg\":\"m1\""));
}

#[test]
fn an_hour_of_virtual_time_passes_at_once() {
    let src = "-module(hostile).\n-export([main/0]).\nmain() ->\n    timer:sleep(3600000),\n    receive never -> ok after 3600000 -> io:format(\"two hours later~n\") end.\n";
    let (code, out, err) = run(src, &["--trace"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "two hours later\n");
    assert!(
        err.contains("t=7200000"),
        "virtual time shows in the trace: {err}"
    );
}

#[test]
fn a_list_that_doubles_forever_stops_at_the_memory_bound() {
    let src =
        "-module(hostile).\n-export([main/0]).\nmain() -> grow([x]).\ngrow(L) -> grow(L ++ L).\n";
    let (code, _, err) = run(src, &["--max-heap", "200"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("{system_limit,memory}"), "{err}");
}

#[test]
fn a_binary_that_doubles_forever_stops_at_a_bound() {
    let src = "-module(hostile).\n-export([main/0]).\nmain() -> grow(<<1>>).\ngrow(B) -> grow(<<B/binary, B/binary>>).\n";
    let (code, _, err) = run(src, &["--max-heap", "200"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("system_limit"), "{err}");
}

#[test]
fn huge_binary_sizes_are_errors_not_allocations() {
    let src = r#"-module(hostile).
-export([main/0]).
t(F) -> try F() catch C:E -> {C, E} end.
main() ->
    Big = 99999999999, Huge = 1 bsl 100, Neg = -8,
    L = [t(fun() -> <<1:Big>> end),
         t(fun() -> <<1:Huge>> end),
         t(fun() -> <<1:Big/unit:256>> end),
         t(fun() -> <<1:Neg>> end),
         t(fun() -> <<(<<"ab">>):Big/binary>> end),
         t(fun() -> <<X:Big>> = <<1>>, X end),
         t(fun() -> <<X:Huge/binary>> = <<1>>, X end),
         t(fun() -> binary:copy(<<"ab">>, Big) end),
         t(fun() -> binary_to_term(<<131, 108, 255, 255, 255, 255>>) end),
         t(fun() -> binary_to_term(<<131, 109, 255, 255, 255, 255>>) end),
         t(fun() -> binary_to_term(<<131, 111, 255, 255, 255, 255, 0>>) end),
         t(fun() -> binary_to_term(list_to_binary([131 | lists:duplicate(100000, [104, 1])] ++ [106])) =/= x end)],
    io:format("~p~n", [L]).
"#;
    let (code, out, err) = run(src, &[]);
    assert_eq!(code, 0, "{err}");
    let flat: String = out.split_whitespace().collect();
    assert_eq!(
        flat,
        "[{error,system_limit},{error,system_limit},{error,system_limit},{error,badarg},\
         {error,badarg},{error,{badmatch,<<1>>}},{error,{badmatch,<<1>>}},\
         {error,system_limit},{error,badarg},{error,badarg},{error,badarg},true]"
            .replace(char::is_whitespace, ""),
        "{out}"
    );
}

#[test]
fn eval_takes_an_expression_that_starts_with_a_minus() {
    let out = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .args(["eval", "-7 rem 3."])
        .output()
        .expect("pidlab runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "-1\n");
}
