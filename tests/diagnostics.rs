//! Golden tests: each file in tests/diagnostics/ holds one mistake a
//! student makes; its rendered diagnostics (plain text) are an insta
//! snapshot under tests/diagnostics/snapshots/. Review changes with
//! `INSTA_UPDATE=always cargo test --test diagnostics` and `git diff`.

use pidlab::diag::render::{render_all, Style};
use pidlab::diag::Diagnostic;
use std::path::Path;

/// Everything `pidlab run` would report before running the file.
fn diagnose(name: &str, src: &str) -> Vec<Diagnostic> {
    let stem = name.trim_end_matches(".erl");
    let (ast, mut diags) = pidlab::syntax::parse_module(src, Some(stem));
    if diags.iter().any(Diagnostic::is_error) {
        return diags;
    }
    match pidlab::compile::compile_module(&ast, name, src) {
        Ok((_, warnings)) => diags.extend(warnings),
        Err(errors) => diags.extend(errors),
    }
    diags
}

#[test]
fn every_mistake_gets_a_teaching_diagnostic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diagnostics");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "erl"));
    files.sort();
    assert!(
        files.len() >= 20,
        "expected at least 20 mistakes, found {}",
        files.len()
    );
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("x.erl")
            .to_string();
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let diags = diagnose(&name, &src);
        let text = render_all(&diags, &name, &src, Style::PLAIN);
        let stem = name.trim_end_matches(".erl").to_string();
        if stem != "bound_twice_on_purpose" {
            assert!(!diags.is_empty(), "{name}: no diagnostic at all");
            assert!(
                diags.iter().all(|d| d.help.is_some()),
                "{name}: every diagnostic needs a hint:\n{text}"
            );
        } else {
            assert!(
                diags.is_empty(),
                "{name}: a repeated variable on purpose is fine:\n{text}"
            );
        }
        insta::with_settings!({snapshot_path => dir.join("snapshots"), prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!(stem, text);
        });
    }
}
