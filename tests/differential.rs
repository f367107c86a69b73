//! Differential test against erl: tests/differential/exprs.txt holds
//! random expressions over the documented subset (made by generate.py),
//! expected.txt what erl's shell evaluator gives for each (recorded by
//! record.escript: the value printed with ~p, or {'EXIT', Class, Reason}).
//! pidlab must give the same line for every expression. Re-record with
//! `cd tests/differential && python3 generate.py 10000 1 > exprs.txt &&
//! escript record.escript exprs.txt expected.txt`.

use pidlab::run::{self, Outcome, RunLimits};
use pidlab::term::{pretty, Term};
use std::path::Path;

/// What pidlab gives for one expression, in record.escript's format.
fn evaluate(expr: &str) -> String {
    let src = format!("{expr}.");
    let limits = RunLimits {
        max_reductions: 50_000_000,
        ..RunLimits::default()
    };
    let text = match run::eval(&src, limits, &mut |_| {}) {
        Ok(Ok(v)) => pretty::print(&v, 1, 80),
        Ok(Err(Outcome::Crashed(e))) => {
            let class = Term::atom(match e.class {
                pidlab::vm::Class::Error => "error",
                pidlab::vm::Class::Exit => "exit",
                pidlab::vm::Class::Throw => "throw",
            });
            let t = Term::tuple(vec![Term::atom("EXIT"), class, e.reason.clone()]);
            pretty::print(&t, 1, 80)
        }
        Ok(Err(other)) => format!("{other:?}"),
        Err(diags) => format!(
            "compile error: {}",
            diags.first().map(|d| d.message.clone()).unwrap_or_default()
        ),
    };
    text.replace('\\', "\\\\").replace('\n', "\\n")
}

#[test]
fn random_expressions_evaluate_as_in_erl() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/differential");
    let exprs = std::fs::read_to_string(dir.join("exprs.txt")).expect("exprs.txt");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let pairs: Vec<(&str, &str)> = exprs.lines().zip(expected.lines()).collect();
    assert_eq!(
        pairs.len(),
        exprs.lines().count(),
        "every expression has its recorded answer"
    );
    let mut diffs = vec![];
    for (e, want) in &pairs {
        let got = evaluate(e);
        if got != *want {
            diffs.push(format!("{e}\n  erl:    {want}\n  pidlab: {got}"));
        }
    }
    assert!(
        diffs.is_empty(),
        "{} of {} expressions differ from erl:\n{}",
        diffs.len(),
        pairs.len(),
        diffs
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
