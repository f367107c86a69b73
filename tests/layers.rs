//! Imports point one way (ARCHITECTURE.md, ../shared/DESIGN.md): each
//! top-level module of src/ may use only the modules listed after it in
//! `LAYERS`. The test reads `crate::NAME` paths in each module's files
//! (comments and `#[cfg(test)]` code left out), so a new upward import, or
//! a new module nobody placed in the order, fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// From the top (the shell) to the bottom (data with no imports).
const LAYERS: &[&str] = &[
    "grade",
    "repl",
    "lesson",
    "run",
    "explore",
    "beam",
    "view",
    "trace",
    "world",
    "prelude",
    "compile",
    "bif",
    "vm",
    "syntax",
    "catalogue",
    "diag",
    "term",
    "rng",
    "alloc",
];

fn rust_files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            rust_files(&e, out);
        }
    } else if p.extension().is_some_and(|e| e == "rs") {
        out.push(p.to_path_buf());
    }
}

/// The top-level modules `files` name through `crate::`.
fn uses(files: &[PathBuf]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for line in code.lines() {
            let line = line.split("//").next().unwrap_or("");
            let mut rest = line;
            while let Some(i) = rest.find("crate::") {
                rest = &rest[i + "crate::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn every_module_imports_only_modules_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules: Vec<(String, Vec<PathBuf>)> = vec![];
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&src)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for p in entries {
        let Some(name) = p.file_stem().and_then(|s| s.to_str()).map(str::to_string) else {
            continue;
        };
        if name == "main" || name == "lib" {
            continue;
        }
        let mut files = vec![];
        rust_files(&p, &mut files);
        if !files.is_empty() {
            modules.push((name, files));
        }
    }
    assert!(
        modules.len() >= 10,
        "src/ holds the modules: {}",
        modules.len()
    );
    let mut problems = vec![];
    for (name, files) in &modules {
        let Some(level) = LAYERS.iter().position(|l| l == name) else {
            problems.push(format!("src/{name} is not placed in LAYERS"));
            continue;
        };
        for used in uses(files) {
            if used == *name {
                continue;
            }
            match LAYERS.iter().position(|l| *l == used) {
                Some(u) if u > level => {}
                Some(_) => problems.push(format!("{name} uses {used}, which is above it")),
                None => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
