//! No input makes the front end or the VM panic: random text, random
//! token soup, and running whatever of it compiles under a small budget.

use pidlab::run::{self, RunLimits};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "-module(m).",
    "-export([f/0]).",
    "f()",
    "->",
    "end",
    "case",
    "of",
    "receive",
    "after",
    "if",
    "fun",
    "try",
    "catch",
    "begin",
    "when",
    "X",
    "Y",
    "_",
    "a",
    "'q a'",
    "1",
    "2.5",
    "\"s\"",
    "$a",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "#{",
    "=>",
    ":=",
    ",",
    ";",
    ".",
    "|",
    "||",
    "<-",
    "+",
    "-",
    "*",
    "/",
    "div",
    "rem",
    "==",
    "=:=",
    "<",
    "=<",
    "andalso",
    "orelse",
    "not",
    "++",
    "--",
    "!",
    "=",
    ":",
    "lists:seq(1,3)",
    "self()",
    "?MODULE",
    "-define(A, 1).",
    "?A",
    "16#ff",
    "1_000",
    "%c\n",
    "\n",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|ws| ws.join(" "))
}

fn front_end(src: &str) {
    let (ast, diags) = pidlab::syntax::parse_module(src, Some("m"));
    let _ =
        pidlab::diag::render::render_all(&diags, "m.erl", src, pidlab::diag::render::Style::PLAIN);
    if let Err(ds) = pidlab::compile::compile_module(&ast, "m.erl", src) {
        let _ =
            pidlab::diag::render::render_all(&ds, "m.erl", src, pidlab::diag::render::Style::PLAIN);
    }
    let _ = pidlab::syntax::input_complete(src);
    let limits = RunLimits {
        max_reductions: 20_000,
        ..RunLimits::default()
    };
    let _ = run::eval(src, limits, &mut |_| {});
}

/// 400 cases by default; set PROPTEST_CASES for a longer search.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(src in any::<String>()) {
        front_end(&src);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        front_end(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_token_sequences_never_panic(src in soup()) {
        front_end(&src);
        front_end(&format!("{src}."));
    }
}
