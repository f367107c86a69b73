//! The shell in a real pseudo-terminal, typed at as a person would:
//! multi-line input, completion, Ctrl-C during an endless loop, history
//! across restarts, colour on a terminal and none under NO_COLOR.
//! Expectations wait for text to appear; the timeout is only a limit.

use rexpect::session::{spawn_command, PtySession};
use std::process::Command;

fn home(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("pidlab-term-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp home");
    d
}

fn shell(home: &std::path::Path, no_color: bool) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pidlab"));
    cmd.env("HOME", home)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR");
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let mut p = spawn_command(cmd, Some(20_000)).expect("pidlab starts in a pty");
    p.exp_string("1> ").expect("the first prompt");
    p
}

/// Whether `s` sets a foreground colour (an SGR sequence `ESC[...m` with
/// 30-37, 38 or 90-97); cursor movement and resets are not colour.
fn has_colour(s: &str) -> bool {
    s.split("\u{1b}[").skip(1).any(|seq| {
        let params: String = seq
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ';')
            .collect();
        seq.get(params.len()..)
            .is_some_and(|rest| rest.starts_with('m'))
            && params
                .split(';')
                .filter_map(|p| p.parse::<u32>().ok())
                .any(|n| (30..=38).contains(&n) || (90..=97).contains(&n))
    })
}

fn type_text(p: &mut PtySession, s: &str) {
    p.send(s).expect("typing");
    p.flush().expect("flush");
}

#[test]
fn typing_multiline_input_completion_and_ctrl_c() {
    let h = home("a");
    let mut p = shell(&h, true);
    p.send_line("X = [1,").expect("typing");
    p.exp_string(".. ").expect("a continuation prompt");
    p.send_line("2, 3].").expect("typing");
    p.exp_string("[1,2,3]").expect("the value");
    p.exp_string("2> ").expect("the prompt");
    type_text(&mut p, "lists:reve\t");
    p.exp_string("reverse(").expect("completion of lists:reve");
    p.send_line("X).").expect("typing");
    p.exp_string("[3,2,1]").expect("the reversed list");
    p.exp_string("3> ").expect("the prompt");
    p.send_line("Loop = fun L() -> L() end, Loop().")
        .expect("typing");
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_control('c').expect("ctrl-c");
    p.exp_string("interrupted").expect("the loop stops");
    p.exp_string("> ").expect("the prompt");
    p.send_line("X.").expect("typing");
    p.exp_string("[1,2,3]").expect("bindings survive Ctrl-C");
    p.exp_string("> ").expect("the next prompt");
    p.send_line("q().").expect("typing");
    p.exp_eof().expect("the shell ends");
}

#[test]
fn history_survives_a_restart() {
    let h = home("b");
    let mut p = shell(&h, true);
    p.send_line("io:format(\"remember me~n\").")
        .expect("typing");
    p.exp_string("remember me").expect("output");
    // Typed only once the next prompt is up: keys sent while the line
    // editor sets the terminal up may be lost.
    p.exp_string("2> ").expect("the next prompt");
    p.send_line("q().").expect("typing");
    p.exp_eof().expect("the shell ends");
    let mut p = shell(&h, true);
    type_text(&mut p, "\x1b[A\x1b[A");
    p.exp_string("remember me~n")
        .expect("the earlier input comes back with Up");
}

#[test]
fn colour_on_a_terminal_and_none_under_no_color() {
    let h = home("c");
    let mut p = shell(&h, false);
    p.send_line("nope(.").expect("typing");
    let out = p.exp_string("never closed").expect("a diagnostic");
    assert!(has_colour(&out), "a terminal gets colour: {out:?}");
    let mut p = shell(&h, true);
    p.send_line("nope(.").expect("typing");
    let out = p.exp_string("never closed").expect("a diagnostic");
    assert!(!has_colour(&out), "NO_COLOR: no colour: {out:?}");
}

#[test]
fn manual_mode_flows_message_by_message() {
    let h = home("d");
    let mut p = shell(&h, true);
    p.send_line(":mode manual").expect("typing");
    p.exp_string("mode: manual").expect("manual mode");
    p.exp_string("1> ").expect("the prompt");
    p.send_line("P = spawn(fun() -> receive {ping, From} -> From ! pong end end).")
        .expect("typing");
    p.exp_string("<0.81.0>")
        .expect("the shell's own input runs at once");
    p.exp_string("2> ").expect("the prompt");
    p.send_line("P ! {ping, self()}.").expect("typing");
    p.exp_string("{ping,<0.80.0>}")
        .expect("the send is the input's value");
    p.exp_string("3> ").expect("the prompt");
    p.send_line(":flight").expect("typing");
    p.exp_string("m1 <0.80.0> (p1) -> <0.81.0> (p2)")
        .expect("m1 is in flight");
    p.exp_string("3> ").expect("the prompt");
    p.send_line(":deliver m1").expect("typing");
    p.exp_string("deliver     m1").expect("m1 delivered");
    p.exp_string("3> ").expect("the prompt");
    p.send_line(":step p2").expect("typing");
    p.exp_string("receive     m1").expect("p2 receives");
    p.exp_string("3> ").expect("the prompt");
    p.send_line(":step p2").expect("typing");
    p.exp_string("send        m2").expect("p2 replies");
    p.exp_string("3> ").expect("the prompt");
    p.send_line(":deliver m2").expect("typing");
    p.exp_string("deliver     m2").expect("m2 delivered");
    p.exp_string("3> ").expect("the prompt");
    p.send_line("flush().").expect("typing");
    p.exp_string("Shell got pong")
        .expect("the reply reached the shell");
    p.exp_string("4> ").expect("the prompt");
    p.send_line("q().").expect("typing");
    p.exp_eof().expect("the shell ends");
}

#[test]
fn a_waiting_receive_is_said_and_ctrl_c_frees_the_shell() {
    let h = home("e");
    let mut p = shell(&h, true);
    // Each line is typed once the prompt is back: a line typed while the
    // shell is still answering the last one was lost once, on a loaded
    // machine, before the line editor read it.
    p.send_line("X = 7.").expect("typing");
    p.exp_string("7\r\n").expect("a binding");
    p.exp_string("2> ").expect("the next prompt");
    p.send_line("receive Y -> Y end.").expect("typing");
    p.exp_string("the shell waits in receive (line 1); nothing else can happen")
        .expect("the wait is said");
    p.exp_string("3> ").expect("the prompt is back");
    p.send_line("X + 1.").expect("typing");
    p.exp_string("is unfinished")
        .expect("the next input is told why");
    // Ctrl-C goes once the prompt is back: sent while the shell prints,
    // before its line editor reads keys again, the terminal turns it into
    // a signal that the shell does not take as the key.
    p.exp_string("3> ").expect("the prompt is back");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("interrupted")
        .expect("Ctrl-C stops the waiting input");
    p.send_line("X + 1.").expect("typing");
    p.exp_string("8").expect("the shell answers, bindings kept");
    p.send_line("exit(bang).").expect("typing");
    p.exp_string("** exception exit: bang")
        .expect("erl's words for the shell's death");
    p.send_line("X + 2.").expect("typing");
    p.exp_string("9").expect("a new shell process answers");
    p.send_line("q().").expect("typing");
    p.exp_eof().expect("the shell ends");
}

#[test]
fn a_paste_of_several_inputs_runs_each_and_keeps_what_must_wait() {
    let h = home("f");
    let mut p = shell(&h, true);
    // A bracketed paste (as terminals send one) of two lines, then Enter.
    type_text(&mut p, "\u{1b}[200~A = 3.\nA + 1.\u{1b}[201~");
    p.send_line("").expect("enter");
    p.exp_string("3\r\n").expect("the first input's value");
    p.exp_string("2> A + 1.")
        .expect("the second input at its own prompt");
    p.exp_string("4\r\n").expect("the second input's value");
    p.exp_string("3> ").expect("the next prompt");
    p.send_line(":mode manual").expect("typing");
    p.exp_string("3> ").expect("the prompt");
    // The third input waits in receive: the rest of the line waits for
    // it, and runs once it has finished, as in erl.
    p.send_line("P = spawn(fun() -> receive {F, N} -> F ! N * 2 end end). P ! {self(), 21}. receive R -> R end. R + 1.")
        .expect("typing");
    p.exp_string("1 more input of this line waits for input 5 to finish")
        .expect("the waiting input is said");
    p.exp_string("6> ").expect("the prompt");
    p.send_line(":run").expect("typing");
    p.exp_string("42\r\n").expect("the receive finishes");
    p.exp_string("6> R + 1.")
        .expect("the held input at its own prompt");
    p.exp_string("43\r\n").expect("and its answer");
    p.exp_string("7> ").expect("the prompt");
    // Stopped instead, the input does not let the rest run.
    p.send_line("receive Q -> Q end. A * 2.").expect("typing");
    p.exp_string("waits for input 7 to finish")
        .expect("held again");
    p.exp_string("8> ").expect("the prompt");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("interrupted")
        .expect("Ctrl-C stops the waiting input");
    p.exp_string("not run, since input 7 did not finish: A * 2.")
        .expect("the dropped input is named");
    p.exp_string("8> ").expect("the prompt");
    p.send_line("A * 2.").expect("typing");
    p.exp_string("6\r\n").expect("the shell answers again");
    p.send_line("q().").expect("typing");
    p.exp_eof().expect("the shell ends");
}
