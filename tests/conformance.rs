//! Runs every program in tests/conformance/ through `pidlab run` and
//! compares stdout byte for byte with the `.out` file recorded from real
//! Erlang/OTP 25 by tests/conformance/record.sh.

use std::path::{Path, PathBuf};
use std::process::Command;

fn programs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "erl") && p.with_extension("out").exists());
    v.sort();
    v
}

fn check_dir(dir: &Path) {
    let progs = programs(dir);
    assert!(
        !progs.is_empty(),
        "no conformance programs in {}",
        dir.display()
    );
    let mut failures = vec![];
    for p in &progs {
        let expected = std::fs::read(p.with_extension("out")).unwrap_or_default();
        let out = Command::new(env!("CARGO_BIN_EXE_pidlab"))
            .arg("run")
            .arg(p)
            .env("NO_COLOR", "1")
            .output();
        match out {
            Ok(o) if o.stdout == expected && o.status.success() => {}
            Ok(o) => failures.push(format!(
                "{}: exit {:?}\n--- expected\n{}--- got\n{}--- stderr\n{}",
                p.display(),
                o.status.code(),
                String::from_utf8_lossy(&expected),
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            )),
            Err(e) => failures.push(format!("{}: cannot run pidlab: {e}", p.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from erl:\n\n{}",
        failures.len(),
        progs.len(),
        failures.join("\n")
    );
}

#[test]
fn sequential_programs_print_what_erl_prints() {
    check_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance"));
}

#[test]
fn concurrent_programs_print_what_erl_prints() {
    check_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/concurrent"));
}
