//! The compiler's liveness pass, checked two ways: no slot is live on
//! entry to a function unless it holds an argument or a captured
//! variable (code writes every other slot before reading it), and every
//! conformance program prints the same when every dead slot is emptied
//! after each step (a slot wrongly called dead would then read `[]`).

use pidlab::run::{self, RunLimits};
use pidlab::world::sched::Sched;
use pidlab::world::World;
use std::path::{Path, PathBuf};

fn programs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut v = vec![];
    for dir in [root.clone(), root.join("concurrent")] {
        if let Ok(rd) = std::fs::read_dir(&dir) {
            v.extend(
                rd.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "erl")),
            );
        }
    }
    v.sort();
    v
}

fn check_entry(m: &pidlab::vm::Module, failures: &mut Vec<String>) {
    for f in &m.functions {
        let params = (f.arity + f.env) as usize;
        for slot in params..f.frame_size() {
            if !f.code.is_empty() && f.live.is_live(0, slot) {
                failures.push(format!(
                    "{}:{}/{}: slot {slot} is live on entry",
                    m.name.name(),
                    f.name.name(),
                    f.arity
                ));
            }
        }
    }
}

#[test]
fn only_arguments_are_live_on_entry() {
    let mut failures = vec![];
    let code = run::new_code();
    let mut count = 0;
    for m in code.modules() {
        check_entry(m, &mut failures);
        count += 1;
    }
    for p in programs() {
        let src = std::fs::read_to_string(&p).unwrap_or_default();
        let (ast, diags) = pidlab::syntax::parse_module(&src, None);
        if diags.iter().any(pidlab::diag::Diagnostic::is_error) {
            continue;
        }
        if let Ok((m, _)) = pidlab::compile::compile_module(&ast, "x.erl", &src) {
            check_entry(&m, &mut failures);
            count += 1;
        }
    }
    assert!(count > 100, "only {count} modules checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What a program prints and how it ends, with dead slots emptied or not.
fn run_once(path: &Path, scrub: bool) -> Option<String> {
    let src = std::fs::read_to_string(path).ok()?;
    let (ast, diags) = pidlab::syntax::parse_module(&src, None);
    if diags.iter().any(pidlab::diag::Diagnostic::is_error) {
        return None;
    }
    let (m, _) = pidlab::compile::compile_module(&ast, "x.erl", &src).ok()?;
    let mut code = run::new_code();
    let m = code.load(m);
    let main = *m.exports.get(&(pidlab::term::Atom::new("main"), 0))?;
    let mut world = World::new(code);
    world.scrub_dead_slots = scrub;
    let mut out = String::new();
    let limits = RunLimits {
        max_reductions: 20_000_000,
        sched: Sched::random(1),
    };
    let outcome = run::run_world(
        &mut world,
        &m,
        main,
        vec![],
        limits,
        &mut |s| out.push_str(s),
        &mut |_| {},
    );
    Some(format!("{out}\n{outcome:?}"))
}

#[test]
fn programs_print_the_same_with_dead_slots_emptied() {
    let mut checked = 0;
    let mut failures = vec![];
    for p in programs() {
        let (Some(plain), Some(scrubbed)) = (run_once(&p, false), run_once(&p, true)) else {
            continue;
        };
        checked += 1;
        if plain != scrubbed {
            failures.push(format!(
                "{}:\n--- as compiled\n{plain}\n--- dead slots emptied\n{scrubbed}",
                p.display()
            ));
        }
    }
    assert!(checked > 100, "only {checked} programs ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
