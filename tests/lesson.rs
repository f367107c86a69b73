//! Lessons: every shipped lesson passes its own check (transcripts and
//! task solutions), a malformed lesson is a diagnostic at its line, and a
//! student works through lesson 01 in a real terminal: a wrong attempt at
//! a task is rejected with a reason, a right one accepted, and progress
//! survives a restart.

use rexpect::session::{spawn_command, PtySession};
use std::process::Command;

fn temp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("pidlab-lesson-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[test]
fn every_shipped_lesson_passes_its_check() {
    let o = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .args(["lesson", "--check"])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Eleven lessons, each checked.
    for n in 1..=11 {
        assert!(
            out.lines()
                .any(|l| l.starts_with(&format!("{n:02}  ")) && l.ends_with(": ok")),
            "lesson {n:02} is missing or failed:\n{out}"
        );
    }
}

#[test]
fn a_malformed_lesson_is_a_diagnostic_at_its_line() {
    let d = temp("bad");
    std::fs::write(
        d.join("01-bad.md"),
        "# Bad\n\nSome text.\n\n```toml task\nid = \"x\"\ndo = 3\n```\n",
    )
    .expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .args(["lesson", "--check", "--dir"])
        .arg(&d)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("this task does not read"), "{err}");
    assert!(err.contains("01-bad.md:5:"), "{err}");
    let _ = std::fs::remove_dir_all(&d);
}

fn lesson(data: &std::path::Path, which: &str) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pidlab"));
    cmd.args(["lesson", which])
        .env("HOME", data)
        .env("PIDLAB_DATA", data.join("data"))
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    spawn_command(cmd, Some(20_000)).expect("pidlab starts in a pty")
}

fn say(p: &mut PtySession, line: &str) {
    p.send_line(line).expect("typing");
}

#[test]
fn a_student_works_through_lesson_one() {
    let d = temp("student");
    let mut p = lesson(&d, "1");
    // (The pty's bytes are read as Latin-1: expectations stay in ASCII.)
    p.exp_string("Lesson 01").expect("the lesson");
    p.exp_string("1/6: Processes and messages")
        .expect("the introduction");
    p.exp_string("1> ").expect("a prompt");
    say(&mut p, ":next");
    p.exp_string("2/6: Spawning a process").expect("section 2");
    p.exp_string("> ").expect("a prompt");
    say(&mut p, ":next");
    p.exp_string("3/6: Sending and receiving")
        .expect("section 3");
    p.exp_string("Task hello").expect("its task");
    p.exp_string("> ").expect("a prompt");
    say(&mut p, ":next");
    p.exp_string("task hello is still open")
        .expect("the task holds");
    p.exp_string("> ").expect("a prompt");
    // A wrong attempt: a process that gets the message but never answers.
    say(
        &mut p,
        "P = spawn(fun() -> receive {hello, _} -> ok end end), P ! {hello, self()}.",
    );
    p.exp_string("{hello,<0.80.0>}").expect("the send's value");
    p.exp_string("2> ").expect("the next prompt");
    say(&mut p, ":check");
    p.exp_string("not yet: a process received {hello, From} but sent nothing back")
        .expect("the wrong attempt is rejected with its reason");
    p.exp_string("> ").expect("a prompt");
    say(&mut p, ":hint");
    p.exp_string("hint 1 of 2").expect("a hint");
    p.exp_string("> ").expect("a prompt");
    say(
        &mut p,
        "Q = spawn(fun() -> receive {hello, From} -> From ! hi end end), Q ! {hello, self()}.",
    );
    p.exp_string("{hello,<0.80.0>}").expect("the send's value");
    p.exp_string("3> ").expect("the next prompt");
    say(&mut p, ":check");
    p.exp_string("task hello done")
        .expect("the right attempt is accepted");
    p.exp_string("> ").expect("a prompt");
    say(&mut p, ":next");
    p.exp_string("4/6: Mailboxes and selective receive")
        .expect("section 4");
    p.exp_string("> ").expect("a prompt");
    say(&mut p, "q().");
    p.exp_eof().expect("the shell ends");

    // The list shows the progress, and the lesson resumes where it was.
    let o = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .arg("lesson")
        .env("HOME", &d)
        .env("PIDLAB_DATA", d.join("data"))
        .output()
        .expect("runs");
    let list = String::from_utf8_lossy(&o.stdout);
    assert!(
        list.lines()
            .any(|l| l.starts_with("01  Processes and messages")
                && l.contains("at section 4/6; 1/2 tasks done")),
        "{list}"
    );
    let mut p = lesson(&d, "01");
    p.exp_string("resuming lesson 01 at section 4")
        .expect("resumed");
    p.exp_string("4/6: Mailboxes and selective receive")
        .expect("where it was");
    p.exp_string("> ").expect("a prompt");
    say(&mut p, "q().");
    p.exp_eof().expect("the shell ends");
    let _ = std::fs::remove_dir_all(&d);
}
