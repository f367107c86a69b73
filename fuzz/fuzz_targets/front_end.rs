//! Fuzzes the whole front end: lexing, preprocessing, parsing, compiling
//! and rendering diagnostics must never panic on any bytes.
//! Run with `fuzz/run.sh [SECONDS]` (stable toolchain), or
//! `cargo fuzz run front_end` on a nightly one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pidlab::diag::render::{render_all, Style};

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let (ast, diags) = pidlab::syntax::parse_module(&src, Some("m"));
    let _ = render_all(&diags, "m.erl", &src, Style::PLAIN);
    if let Err(ds) = pidlab::compile::compile_module(&ast, "m.erl", &src) {
        let _ = render_all(&ds, "m.erl", &src, Style::PLAIN);
    }
    let _ = pidlab::syntax::parse_exprs(&src);
});
