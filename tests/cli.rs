//! `pidlab` on the command line, as a student meets it: each test runs
//! the built binary in tests/cli. What Erlang prints was recorded from erl
//! by tests/cli/record.sh into tests/cli/*.out.
#![allow(clippy::indexing_slicing)] // tests may index: a panic is a failed test

use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of `pidlab` gave.
struct Ran {
    status: i32,
    stdout: String,
    stderr: String,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli")
}

/// Runs `pidlab ARGS...` in tests/cli, without colour and with no input.
fn pidlab(args: &[&str]) -> Ran {
    let out = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .args(args)
        .current_dir(dir())
        .env("NO_COLOR", "1")
        .output()
        .expect("pidlab runs");
    Ran {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A file erl's output was recorded into.
fn recorded(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).expect("recorded by tests/cli/record.sh")
}

/// A fresh scratch folder for one test (the tests run in parallel).
fn scratch(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("pidlab-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp folder");
    d
}

/// Error reports with the date left out of each header and each pid as
/// `<PID>`: erl's wall-clock dates and pid numbers are not pidlab's.
fn without_dates_and_pids(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with("=ERROR REPORT==== ") {
                return "=ERROR REPORT==== DATE ===".to_string();
            }
            match (l.find("<0."), l.find(".0>")) {
                (Some(a), Some(b)) if a < b => format!("{}<PID>{}", &l[..a], &l[b + 3..]),
                _ => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_process_that_dies_of_an_error_or_throw_prints_erls_error_report() {
    let r = pidlab(&["run", "reports.erl"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "", "reports go to stderr");
    assert_eq!(
        without_dates_and_pids(&r.stderr),
        without_dates_and_pids(&recorded("reports.out"))
    );
    assert!(
        r.stderr
            .starts_with("=ERROR REPORT==== 1-Jan-1970::00:00:00.000000 ===\n"),
        "the crashes happen at virtual time 0: {}",
        r.stderr
    );
    let pids: Vec<&str> = r
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("Error in process "))
        .collect();
    assert_eq!(
        pids,
        [
            "<0.81.0> with exit value:",
            "<0.82.0> with exit value:",
            "<0.84.0> with exit value:"
        ],
        "the exit/1 of <0.83.0> is not reported"
    );
}

#[test]
fn an_error_report_is_dated_by_the_virtual_time_of_the_crash() {
    let r = pidlab(&["run", "report_dates.erl"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let headers: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("=ERROR REPORT"))
        .collect();
    let want = recorded("report_dates.out");
    assert_eq!(headers, want.lines().collect::<Vec<_>>());
}

#[test]
fn library_error_report_has_erls_shape() {
    let e = pidlab::vm::Exception::badarith();
    assert_eq!(
        pidlab::run::error_report(pidlab::term::Pid(81), &e, 90_061_001),
        "=ERROR REPORT==== 2-Jan-1970::01:01:01.001000 ===\n\
         Error in process <0.81.0> with exit value:\n\
         {badarith,[]}\n\n"
    );
}

#[test]
fn fair_loss_that_loses_every_message_is_refused() {
    for net in ["fair-loss:loss=1.0", "fair-loss:loss=1,dup=0.1"] {
        let r = pidlab(&["run", "roster.erl", "--net", net]);
        assert_eq!(r.status, 2, "{net}: {}", r.stderr);
        assert!(
            r.stderr.contains("Error: loss=1 would lose every message"),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr.contains(
                "a message sent infinitely often is delivered infinitely often: use loss below 1"
            ),
            "{}",
            r.stderr
        );
    }
    let r = pidlab(&["run", "roster.erl", "--net", "fair-loss:loss=0.99"]);
    assert!(
        !r.stderr.contains("would lose every message"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_partition_given_on_the_command_line_is_the_first_event_of_the_traces() {
    let json = scratch("partition").join("trace.jsonl");
    let json_arg = json.to_string_lossy().into_owned();
    let r = pidlab(&[
        "run",
        "roster.erl",
        "--partition",
        "p1,p3|p2",
        "--trace",
        "--trace-json",
        &json_arg,
    ]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let first = r.stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("e1 ") && first.contains("partition") && first.ends_with("p1,p3|p2"),
        "{}",
        r.stderr
    );
    let text = std::fs::read_to_string(&json).expect("the trace was written");
    let e1: serde_json::Value =
        serde_json::from_str(text.lines().next().unwrap_or_default()).expect("JSON");
    assert_eq!(
        e1,
        serde_json::json!({
            "id": "e1", "kind": "partition", "proc": "<0.80.0>", "time": 0, "groups": "p1,p3|p2"
        })
    );
    let e2: serde_json::Value =
        serde_json::from_str(text.lines().nth(1).unwrap_or_default()).expect("JSON");
    assert_eq!(e2["id"], "e2", "ids go on from e1");
}

#[test]
fn a_fault_rule_that_names_no_process_of_the_run_is_an_error() {
    let processes = "processes: p1 (main), p2, p3 [server]";
    let cases: [(&[&str], &str, &str); 6] = [
        (&["--crash", "nosuch@send=1"], "--crash", "nosuch"),
        (&["--partition", "p2|p9"], "--partition", "p9"),
        (&["--omit", "p4:send=0.5"], "--omit", "p4"),
        (&["--byzantine", "client:drop=0.5"], "--byzantine", "client"),
        (&["--recover", "p7@time=10"], "--recover", "p7"),
        (&["--crash", "<0.90.0>@send=1"], "--crash", "<0.90.0>"),
    ];
    for (flags, flag, name) in cases {
        let mut args = vec!["run", "roster.erl"];
        args.extend_from_slice(flags);
        let r = pidlab(&args);
        assert_eq!(r.status, 2, "{flags:?}: {}", r.stderr);
        let want = format!(
            "Error: {flag} names {name}, but no process of this run had that name; {processes}\n"
        );
        assert!(r.stderr.contains(&want), "{flags:?}: {}", r.stderr);
    }
    // Every way a plan names a process of the run: alias, registered name
    // (gone by the end of the run) and pid.
    let r = pidlab(&[
        "run",
        "roster.erl",
        "--crash",
        "server@send=5",
        "--partition",
        "p1,p3|p2",
        "--omit",
        "<0.81.0>:send=0.0",
        "--recover",
        "server@time=10",
    ]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
}

#[test]
fn unknown_names_are_all_listed_with_one_hint() {
    let r = pidlab(&[
        "run",
        "roster.erl",
        "--crash",
        "a@send=1",
        "--crash",
        "a@receive=1",
        "--omit",
        "b:send=0.1",
    ]);
    assert_eq!(r.status, 2, "{}", r.stderr);
    let errors: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("Error:"))
        .collect();
    assert_eq!(errors.len(), 2, "one error per flag and name: {}", r.stderr);
    assert_eq!(r.stderr.matches("help:").count(), 1, "{}", r.stderr);
}

#[test]
fn main_returning_with_work_left_says_which_processes_are_still_running() {
    let r = pidlab(&["run", "unfinished.erl"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "main done\n");
    // p4 waits in receive with nothing on its way: it is not listed.
    assert_eq!(
        r.stderr,
        "main returned; 2 processes still running: p2, p3; use --wait to let them finish\n"
    );
    // A run whose other processes have all ended says nothing.
    let r = pidlab(&["run", "roster.erl"]);
    assert_eq!((r.status, r.stderr.as_str()), (0, ""));
}

#[test]
fn wait_lets_the_other_processes_finish() {
    let r = pidlab(&["run", "unfinished.erl", "--wait"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "main done\np3 got hello\np2 woke\n");
    assert_eq!(r.stderr, "");
    // A process that never ends keeps a waiting run going to the step bound.
    let r = pidlab(&["run", "forever.erl", "--max-steps", "1000"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "main returned; 1 process still running: p2; use --wait to let them finish\n"
    );
    let r = pidlab(&["run", "forever.erl", "--max-steps", "1000", "--wait"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("the run reached its bound of 1000 steps"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_shell_with_a_missing_file_fails_on_stderr() {
    let r = pidlab(&["nosuch.erl"]);
    assert_eq!(r.status, 1);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.starts_with("Error: cannot read nosuch.erl: "),
        "{}",
        r.stderr
    );
}

#[test]
fn a_word_that_is_no_command_or_file_lists_the_commands() {
    let r = pidlab(&["scrpt"]);
    assert_eq!(r.status, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "Error: `scrpt` is not a command or a file\n  \
         note: the commands are run, explore, diagram, export, lesson, check, eval, script, replay, beam and shim; `pidlab` alone starts the shell, \
         and `pidlab FILE.erl` starts it with a module loaded\n  \
         help: did you mean `pidlab script`?\n"
    );
    let r = pidlab(&["rnu", "roster.erl"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("help: did you mean `pidlab run`?"),
        "{}",
        r.stderr
    );
    let r = pidlab(&["xyzzy"]);
    assert_eq!(r.status, 1);
    assert!(!r.stderr.contains("did you mean"), "{}", r.stderr);
    let r = pidlab(&["roster"]);
    assert!(
        r.stderr
            .contains("to run roster.erl, write `pidlab run roster.erl`"),
        "{}",
        r.stderr
    );
}

#[test]
fn exit_reasons_with_strings_print_as_strings() {
    let erl = recorded("exit_string.out");
    let reasons: Vec<&str> = erl
        .lines()
        .filter_map(|l| l.strip_prefix("** exception exit: "))
        .collect();
    let [in_eval, in_run] = reasons[..] else {
        panic!("two exits recorded: {erl}")
    };
    let r = pidlab(&["eval", "exit({file,\"erl_eval.erl\"})."]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains(&format!("exception exit: {in_eval}\n")),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("exit reason: {in_eval}\n")),
        "{}",
        r.stderr
    );
    let r = pidlab(&["run", "exit_string.erl"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains(&format!("exception exit: {in_run}\n")),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("exit reason: {in_run}\n")),
        "{}",
        r.stderr
    );
}

#[test]
fn numbers_too_large_for_a_fault_flag_say_the_range() {
    let cases = [
        (
            "--timing",
            "sync:delta=99999999999999999999999",
            "99999999999999999999999 is too large",
            "a time lies between 0 and 4294967295 milliseconds",
        ),
        (
            "--timing",
            "psync:gst=4294967296,delta=10",
            "4294967296 is too large",
            "a time lies between 0 and 4294967295 milliseconds",
        ),
        (
            "--crash",
            "p2@send=18446744073709551616",
            "18446744073709551616 is too large",
            "a count lies between 0 and 18446744073709551615",
        ),
        (
            "--crash",
            "p2@time=99999999999",
            "99999999999 is too large",
            "a time lies between 0 and 4294967295 milliseconds",
        ),
        (
            "--budget",
            "losses=99999999999999999999",
            "99999999999999999999 is too large",
            "a count lies between 0 and 18446744073709551615",
        ),
    ];
    for (flag, value, error, range) in cases {
        let r = pidlab(&["run", "roster.erl", flag, value]);
        assert_eq!(r.status, 2, "{flag} {value}: {}", r.stderr);
        assert!(
            r.stderr.contains(&format!("Error: {error}\n")),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains(range), "{}", r.stderr);
    }
    let r = pidlab(&["run", "roster.erl", "--timing", "sync:delta=4294967295"]);
    assert_eq!(r.status, 0, "the largest time is accepted: {}", r.stderr);
    let r = pidlab(&["run", "roster.erl", "--heal-at", "4294967296"]);
    assert_eq!(r.status, 2, "{}", r.stderr);
}

#[test]
fn a_program_in_two_files_runs_with_both_named() {
    let ran = pidlab(&["run", "client.erl", "server.erl"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert_eq!(ran.stdout, recorded("client.out"));
    let alone = pidlab(&["run", "client.erl"]);
    assert_eq!(alone.status, 1);
    assert!(
        alone.stderr.contains("undefined function server:start/0"),
        "{}",
        alone.stderr
    );
}

#[test]
fn export_all_exports_every_function_with_erls_warning() {
    let ran = pidlab(&["run", "all_exported.erl"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert_eq!(ran.stdout, recorded("all_exported.out"));
    assert!(
        ran.stderr
            .contains("export_all flag enabled - all functions will be exported"),
        "{}",
        ran.stderr
    );
}

#[test]
fn halt_ends_the_run_with_its_status() {
    let r = pidlab(&["run", "halt.erl"]);
    assert_eq!(
        (r.status, r.stdout.as_str(), r.stderr.as_str()),
        (3, "worker halts\n", "")
    );
}
