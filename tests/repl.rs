//! Golden transcripts of the shell in script mode: each tests/repl/NAME.in
//! is fed to `pidlab` on standard input and the output must equal
//! NAME.out. These are pidlab's own words (no oracle to record from);
//! regenerate with `PIDLAB_UPDATE=1 cargo test --test repl` and review the diff.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn run_script(input: &[u8]) -> Vec<u8> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pidlab starts");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input).expect("stdin takes the script");
    }
    let out = child.wait_with_output().expect("pidlab ends");
    let mut all = out.stdout;
    all.extend_from_slice(&out.stderr);
    all
}

#[test]
fn shell_transcripts_match() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/repl");
    let mut ins: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    ins.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "in"));
    ins.sort();
    assert!(!ins.is_empty(), "no transcripts in {}", dir.display());
    let update = std::env::var_os("PIDLAB_UPDATE").is_some();
    let mut failures = vec![];
    for p in ins {
        let got = run_script(&std::fs::read(&p).unwrap_or_default());
        let out = p.with_extension("out");
        if update {
            std::fs::write(&out, &got).expect("golden file is writable");
            continue;
        }
        let want = std::fs::read(&out).unwrap_or_default();
        if got != want {
            failures.push(format!(
                "{}\n--- expected\n{}--- got\n{}",
                p.display(),
                String::from_utf8_lossy(&want),
                String::from_utf8_lossy(&got)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_saved_session_replays_to_the_same_world() {
    let dir = std::env::temp_dir().join(format!("pidlab-save-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("session.txt");
    let session = format!(
        ":seed 11\n:mode manual\nMe = self(), [spawn(fun() -> Me ! N end) || N <- [1, 2, 3]], ok.\n:step 4\n:back 1\n:run\n:trace\n:clocks\n:save {}\n",
        file.display()
    );
    let first = String::from_utf8_lossy(&run_script(session.as_bytes())).into_owned();
    let out = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .arg("replay")
        .arg(&file)
        .env("NO_COLOR", "1")
        .output()
        .expect("replay runs");
    let replayed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(first.contains("e1 "), "the session made events: {first}");
    let (before_save, save_line) = first.rsplit_once("saved ").expect("the session was saved");
    assert!(save_line.starts_with("8 inputs"), "{save_line}");
    assert_eq!(
        replayed, before_save,
        "replay prints exactly what the session printed"
    );
}

/// The drops of a lossy link in a shell session seeded with `seed`.
fn drops_with_seed(seed: u64) -> String {
    let script = format!(
        ":seed {seed}\n:net fair-loss:loss=0.5\nP = spawn(fun L() -> receive _ -> L() end end), [P ! N || N <- lists:seq(1, 20)], ok.\n:trace\n"
    );
    let out = String::from_utf8_lossy(&run_script(script.as_bytes())).into_owned();
    out.lines()
        .filter(|l| l.contains(" drop "))
        .map(|l| format!("{}\n", l.split_whitespace().last().unwrap_or("")))
        .collect()
}

#[test]
fn seed_reseeds_the_network_too() {
    let a = drops_with_seed(1);
    assert!(!a.is_empty(), "half the messages are lost");
    assert_eq!(
        a,
        drops_with_seed(1),
        "the same seed loses the same messages"
    );
    assert_ne!(a, drops_with_seed(2), "another seed loses other messages");
}

#[test]
fn a_saved_session_keeps_the_module_loaded_on_the_command_line() {
    let dir = std::env::temp_dir().join(format!("pidlab-save-mod-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("session.txt");
    let module = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/repl/counter.erl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .arg(&module)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pidlab starts");
    if let Some(mut stdin) = child.stdin.take() {
        let inputs = format!(
            "P = counter:start(), P ! {{add, 2}}, P ! {{get, self()}}, ok.\nflush().\n:save {}\n",
            file.display()
        );
        stdin
            .write_all(inputs.as_bytes())
            .expect("stdin takes the script");
    }
    let first = child.wait_with_output().expect("pidlab ends");
    let first = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(first.contains("Shell got"), "the module ran: {first}");
    let out = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .arg("replay")
        .arg(&file)
        .env("NO_COLOR", "1")
        .output()
        .expect("replay runs");
    let replayed = String::from_utf8_lossy(&out.stdout).into_owned();
    let (before_save, _) = first.rsplit_once("saved ").expect("the session was saved");
    assert!(out.status.success(), "replay succeeds: {replayed}");
    assert_eq!(
        replayed, before_save,
        "replay loads the module and prints what the session printed"
    );
}

/// The answers in an erl transcript (`erl < FILE`): each prompt's value,
/// without the banner, syntax errors and the closing line.
fn erl_values(transcript: &str) -> Vec<String> {
    transcript
        .lines()
        .filter(|l| !l.starts_with("Eshell"))
        .map(|l| {
            let mut rest = l;
            // "7> * 1:5: ..." or "7> 2": the text after the prompts.
            while let Some((n, after)) = rest.split_once("> ") {
                if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit()) {
                    break;
                }
                rest = after;
            }
            rest.to_string()
        })
        .filter(|v| !v.is_empty() && !v.starts_with('*'))
        .collect()
}

/// pidlab's answers to a script: its output without diagnostics (an
/// `Error:` line and its box, which ends with `---'`).
fn pidlab_values(out: &str) -> Vec<String> {
    let mut values = vec![];
    let mut in_box = false;
    for l in out.lines() {
        if l.starts_with("Error:") {
            in_box = true;
        } else if in_box {
            in_box = !l.starts_with("---'");
        } else if !l.is_empty() {
            values.push(l.to_string());
        }
    }
    values
}

/// pidlab's output for `tests/repl/erl/NAME.txt` and erl's answer to the
/// same file, recorded in `NAME.erl.out` with `erl < NAME.txt`.
fn beside_erl(name: &str) -> (String, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/repl/erl");
    let input = std::fs::read(dir.join(format!("{name}.txt"))).expect("the input");
    let erl = std::fs::read_to_string(dir.join(format!("{name}.erl.out"))).expect("erl's answers");
    let got = String::from_utf8_lossy(&run_script(&input)).into_owned();
    (got, erl)
}

#[test]
fn shell_helpers_are_numbered_as_in_erl() {
    // erl's answers were recorded in a copy of the project (c/1 writes a
    // .beam file beside it).
    let (got, erl) = beside_erl("numbering");
    assert_eq!(pidlab_values(&got), erl_values(&erl), "{got}");
}

#[test]
fn several_inputs_on_one_line_answer_as_in_erl() {
    let (got, erl) = beside_erl("several_per_line");
    assert!(
        got.contains("this `(` is never closed"),
        "the broken input in the middle is reported: {got}"
    );
    assert_eq!(pidlab_values(&got), erl_values(&erl), "{got}");
}
