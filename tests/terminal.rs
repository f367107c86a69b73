//! The shell in a real terminal (tmux), typed at as a person would:
//! multi-line input, completion, history across restarts, Ctrl-C during an
//! endless loop, colour on a terminal and none under NO_COLOR. tmux is
//! installed by .ci/run. Waiting polls the screen; time is only a limit.

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    session: String,
}

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux")
        .args(args)
        .output()
        .expect("tmux is installed (.ci/run installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

impl Tmux {
    fn start(name: &str, home: &std::path::Path, env: &str) -> Tmux {
        let session = format!("pidlab-{name}-{}", std::process::id());
        let cmd = format!(
            "env HOME={} {env} {}",
            home.display(),
            env!("CARGO_BIN_EXE_pidlab")
        );
        tmux(&[
            "new-session",
            "-d",
            "-s",
            &session,
            "-x",
            "120",
            "-y",
            "40",
            &cmd,
        ]);
        let t = Tmux { session };
        t.wait_for("1>");
        t
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        tmux(&args);
    }

    fn screen(&self, escapes: bool) -> String {
        if escapes {
            tmux(&["capture-pane", "-e", "-p", "-t", &self.session])
        } else {
            tmux(&["capture-pane", "-p", "-t", &self.session])
        }
    }

    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen(false);
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "never saw {text:?} on screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        tmux(&["kill-session", "-t", &self.session]);
    }
}

fn home(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("pidlab-term-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp home");
    d
}

#[test]
fn typing_multiline_input_completion_and_ctrl_c() {
    let h = home("a");
    let t = Tmux::start("a", &h, "");
    t.keys(&["X = [1,", "Enter"]);
    t.wait_for("..");
    t.keys(&["2, 3].", "Enter"]);
    t.wait_for("[1,2,3]");
    t.keys(&["lists:reve", "Tab"]);
    t.wait_for("lists:reverse(");
    t.keys(&["X).", "Enter"]);
    t.wait_for("[3,2,1]");
    t.keys(&["Loop = fun L() -> L() end, Loop().", "Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    t.keys(&["C-c"]);
    t.wait_for("interrupted");
    t.keys(&["X.", "Enter"]);
    let s = t.wait_for("..");
    assert!(
        s.matches("[1,2,3]").count() >= 2,
        "bindings survive Ctrl-C:\n{s}"
    );
}

#[test]
fn history_survives_a_restart() {
    let h = home("b");
    {
        let t = Tmux::start("b1", &h, "");
        t.keys(&["io:format(\"remember me~n\").", "Enter"]);
        t.wait_for("remember me");
        t.keys(&["q().", "Enter"]);
        std::thread::sleep(Duration::from_millis(300));
    }
    let t = Tmux::start("b2", &h, "");
    t.keys(&["Up", "Up"]);
    t.wait_for("io:format(\"remember me~n\").");
}

#[test]
fn colour_on_a_terminal_and_none_under_no_color() {
    let h = home("c");
    let t = Tmux::start("c1", &h, "");
    t.keys(&["nope(.", "Enter"]);
    t.wait_for("never closed");
    assert!(t.screen(true).contains("\u{1b}["), "a terminal gets colour");
    drop(t);
    let t = Tmux::start("c2", &h, "NO_COLOR=1");
    t.keys(&["nope(.", "Enter"]);
    t.wait_for("never closed");
    let s = t.screen(true);
    let body: String = s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert!(!body.contains("\u{1b}[3"), "NO_COLOR: no colour\n{s}");
}
