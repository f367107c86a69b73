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
    "<<",
    ">>",
    "<<\"ab\">>",
    "/binary",
    "/utf8",
    ":8",
    ":N",
    "/little-signed",
    "-unit:8",
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
    fn binary_to_term_of_random_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut b = vec![131];
        b.extend(bytes);
        let _ = pidlab::bif::etf::decode(&b);
    }

    #[test]
    fn random_segments_never_panic(
        value in prop::sample::select(&["0", "-1", "255", "1 bsl 70", "1.5", "a", "<<1,2,3>>", "<<>>", "16#10FFFF"][..]),
        size in prop::sample::select(&["", ":0", ":1", ":3", ":8", ":13", ":16", ":32", ":64", ":100", ":-1", ":99999999999", ":(1 bsl 80)"][..]),
        ty in prop::sample::select(&["", "/integer", "/float", "/binary", "/bits", "/utf8", "/utf16-little", "/utf32", "/signed-little", "/integer-unit:3", "/binary-unit:1"][..]),
        tail in prop::sample::select(&["", ", 1:4", ", R/binary", ", _/bits"][..]),
    ) {
        let seg = format!("{value}{size}{ty}");
        let limits = RunLimits { max_reductions: 20_000, ..RunLimits::default() };
        let _ = run::eval(&format!("<<{seg}{}>>.", tail.replace('R', "<<9>>")), limits.clone(), &mut |_| {});
        let pat = format!("B = <<7, 1, 2, 3, 4, 5, 6, 7, 8, 9>>, case B of <<X{size}{ty}{tail}>> -> X; _ -> no end.");
        let _ = run::eval(&pat, limits, &mut |_| {});
    }

    #[test]
    fn random_token_sequences_never_panic(src in soup()) {
        front_end(&src);
        front_end(&format!("{src}."));
    }
}
