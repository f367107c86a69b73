//! `pidlab check`: every exercise's reference solution gets full points
//! and each wrong one loses exactly the points it should; hostile and
//! broken solutions score 0 on the checks they break, within limits,
//! without breaking the grader; the json report has Gradescope's shape
//! and the junit report JUnit's; two runs give identical reports.

// Indexing a serde_json::Value by key gives Null when it is missing; it
// never panics.
#![allow(clippy::indexing_slicing)]

use std::process::{Command, Output};

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .arg("check")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("pidlab runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn every_exercise_grades_its_samples_as_it_should() {
    let o = check(&["--all"]);
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    let list = text(&check(&["--list"]));
    let exercises = list.lines().count();
    assert!(exercises >= 1, "{list}");
    for line in list.lines() {
        let name = line.split_whitespace().next().unwrap_or("");
        assert!(
            out.lines()
                .any(|l| l.starts_with(&format!("{name}  reference.erl: "))
                    && l.ends_with("as it should")),
            "{name} has no reference that passes:\n{out}"
        );
    }
}

#[test]
fn the_json_report_has_gradescopes_shape_and_is_the_same_every_run() {
    let wrong = "tests/exercises/lamport_clock/wrong_recv_ignores_stamp.erl";
    let a = check(&["lamport_clock", wrong, "--format", "json"]);
    let b = check(&["lamport_clock", wrong, "--format", "json"]);
    assert_eq!(a.status.code(), Some(1));
    assert_eq!(a.stdout, b.stdout, "two runs differ");
    let v: serde_json::Value = serde_json::from_slice(&a.stdout).expect("json");
    let tests = v["tests"].as_array().expect("tests");
    let sum: u64 = tests
        .iter()
        .map(|t| t["score"].as_u64().expect("score"))
        .sum();
    assert_eq!(v["score"].as_u64(), Some(sum));
    let max: u64 = tests
        .iter()
        .map(|t| t["max_score"].as_u64().expect("max_score"))
        .sum();
    assert_eq!(v["max_score"].as_u64(), Some(max));
    assert_eq!(max, 10);
    for t in tests {
        let obj = t.as_object().expect("a test is an object");
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "max_score",
                "name",
                "output",
                "score",
                "status",
                "visibility"
            ]
        );
        let status = t["status"].as_str().expect("status");
        assert!(status == "passed" || status == "failed");
        assert_eq!(status == "passed", t["score"] == t["max_score"]);
        assert!(["visible", "after_due_date"].contains(&t["visibility"].as_str().unwrap_or("")));
    }
    // The hidden check is after the due date; the failed ones say why.
    assert!(tests.iter().any(|t| t["visibility"] == "after_due_date"));
    assert!(tests
        .iter()
        .filter(|t| t["status"] == "failed")
        .all(|t| t["output"].as_str().unwrap_or("").contains("violated")));
}

#[test]
fn the_junit_report_is_junit_xml_and_the_same_every_run() {
    let wrong = "tests/exercises/lamport_clock/wrong_send_no_tick.erl";
    let a = check(&["lamport_clock", wrong, "--format", "junit"]);
    let b = check(&["lamport_clock", wrong, "--format", "junit"]);
    assert_eq!(a.stdout, b.stdout, "two runs differ");
    let xml = String::from_utf8(a.stdout).expect("utf-8");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(suites.len(), 1);
    let suite = suites.first().expect("a suite");
    assert_eq!(suite.tag_name().name(), "testsuite");
    let cases: Vec<_> = suite.children().filter(|n| n.is_element()).collect();
    assert_eq!(
        suite.attribute("tests"),
        Some(cases.len().to_string().as_str())
    );
    let failed = cases
        .iter()
        .filter(|c| c.children().any(|f| f.has_tag_name("failure")))
        .count();
    assert_eq!(
        suite.attribute("failures"),
        Some(failed.to_string().as_str())
    );
    assert_eq!(failed, 2);
    for c in &cases {
        assert_eq!(c.tag_name().name(), "testcase");
        assert!(c.attribute("name").is_some() && c.attribute("classname").is_some());
        for f in c.children().filter(|n| n.is_element()) {
            assert_eq!(f.tag_name().name(), "failure");
            assert!(f.attribute("message").is_some());
        }
    }
}

#[test]
fn a_student_sees_what_failed_the_hint_and_how_to_replay_it() {
    let dir = std::env::temp_dir().join(format!("pidlab-check-student-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let sol = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/exercises/lamport_clock/wrong_recv_ignores_stamp.erl");
    let o = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .current_dir(&dir)
        .args(["check", "lamport_clock"])
        .arg(&sol)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("PASS  a new clock and local events  2/2"),
        "{out}"
    );
    assert!(out.contains("FAIL  sends and receives"), "{out}");
    assert!(
        out.contains("always_receive_takes_the_max: violated"),
        "{out}"
    );
    assert!(out.contains("hint: A send ticks"), "{out}");
    assert!(out.contains("a counterexample:"), "{out}");
    assert!(out.contains("p2: receive m"), "the diagram:\n{out}");
    assert!(out.contains("score: 2/10"), "{out}");
    // The replay command works from where it says.
    let line = out
        .lines()
        .find(|l| l.contains("replay it: cd "))
        .expect("a replay command");
    let cmd = line.trim().trim_start_matches("replay it: cd ");
    let (folder, rest) = cmd.split_once(" && pidlab ").expect("cd && pidlab");
    let args: Vec<&str> = rest.split_whitespace().collect();
    let r = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .current_dir(dir.join(folder))
        .args(&args)
        .env("NO_COLOR", "1")
        .output()
        .expect("replays");
    let replay = text(&r);
    assert!(replay.contains("choices were replayed"), "{replay}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hostile_and_broken_solutions_fail_without_breaking_the_grader() {
    // Each is graded as a failed submission (exit 1) with 0 points, and
    // says why (a solution that never returns: the run never finishes).
    let cases = [
        ("loop.erl", "did not finish|sometimes_finished: never"),
        ("bomb.erl", "memory"),
        ("spawns.erl", "did not finish|sometimes_finished: never"),
        ("flood.erl", "did not finish|sometimes_finished: never"),
        ("crash.erl", "on_purpose"),
        ("empty.erl", "is empty"),
        ("garbage.erl", "does not compile"),
        ("missing.erl", "undef"),
        ("wrongmod.erl", "wants the module lamport_clock"),
        ("syntax.erl", "syntax error"),
    ];
    let handles: Vec<_> = cases
        .iter()
        .map(|(file, why)| {
            let (file, why) = (file.to_string(), why.to_string());
            std::thread::spawn(move || {
                let path = format!("tests/hostile/{file}");
                let o = check(&["lamport_clock", &path, "--format", "json"]);
                let v: serde_json::Value =
                    serde_json::from_slice(&o.stdout).unwrap_or(serde_json::Value::Null);
                (file, why, o.status.code(), v)
            })
        })
        .collect();
    for h in handles {
        let (file, why, code, v) = h.join().expect("the grader survives");
        assert_eq!(code, Some(1), "{file}: {v}");
        assert_eq!(v["score"].as_u64(), Some(0), "{file}: {v}");
        let outputs: String = v["tests"]
            .as_array()
            .map(|ts| ts.iter().filter_map(|t| t["output"].as_str()).collect())
            .unwrap_or_default();
        assert!(
            why.split('|').any(|w| outputs.contains(w)),
            "{file} does not say `{why}`: {outputs}"
        );
    }
    // A file that cannot be read, or an exercise that does not exist, is
    // a mistake in the command: exit 2.
    assert_eq!(
        check(&["lamport_clock", "tests/hostile/nothing-here.erl"])
            .status
            .code(),
        Some(2)
    );
    let o = check(&["lamport_clok", "tests/hostile/empty.erl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("did you mean lamport_clock"),
        "{}",
        text(&o)
    );
}
