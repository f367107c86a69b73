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
