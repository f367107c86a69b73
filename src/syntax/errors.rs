//! Lexical and parse errors in a student's words.
//!
//! Turns lalrpop's errors into `Diagnostic`s with a hint: which `case` lacks
//! its `end`, a `,` that should be `;`, a function missing its final `.`.
//! Only looks at tokens; never reparses.

use super::ast::Span;
use super::grammar_util::LexError;
use super::token::{Spanned, Tok};
use crate::diag::Diagnostic;
use lalrpop_util::ParseError;

pub fn is_lex_error(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Error(_) | Tok::UnterminatedString | Tok::UnterminatedAtom
    )
}

/// A diagnostic for a token the lexer could not read.
pub fn lexical(t: &Tok, span: Span) -> Option<Diagnostic> {
    Some(match t {
        Tok::Error(what) => Diagnostic::error(format!("I cannot read {what}")).at(span, "unreadable here").help(
            "Erlang source uses atoms (`ok`), Variables, numbers, \"strings\" and the usual operators; remove or quote this character",
        ),
        Tok::UnterminatedString => Diagnostic::error("this string is never closed")
            .at(Span::new(span.lo, span.lo + 1), "the string starts here and runs to the end of the file")
            .help("add a `\"` where the string should end"),
        Tok::UnterminatedAtom => Diagnostic::error("this quoted atom is never closed")
            .at(Span::new(span.lo, span.lo + 1), "the atom starts here and runs to the end of the file")
            .help("add a `'` where the atom should end"),
        _ => return None,
    })
}

fn opener_name(t: &Tok) -> Option<&'static str> {
    Some(match t {
        Tok::Case => "case",
        Tok::If => "if",
        Tok::Receive => "receive",
        Tok::Try => "try",
        Tok::Begin => "begin",
        Tok::Fun => "fun",
        Tok::LParen => "(",
        Tok::LBracket => "[",
        Tok::LBrace => "{",
        _ => return None,
    })
}

fn closer_for(open: &str) -> &'static str {
    match open {
        "(" => ")",
        "[" => "]",
        "{" => "}",
        _ => "end",
    }
}

/// The innermost construct still open at the end of `toks`.
fn unclosed(toks: &[Spanned]) -> Option<(&'static str, Span)> {
    let mut stack: Vec<(&'static str, Span)> = Vec::new();
    let mut i = 0;
    while let Some((l, t, r)) = toks.get(i) {
        // `fun name/N` and `fun M:F/N` open nothing.
        let is_fun_ref = *t == Tok::Fun
            && !matches!(toks.get(i + 1), Some((_, Tok::LParen, _)))
            && !matches!(
                (toks.get(i + 1), toks.get(i + 2)),
                (Some((_, Tok::Var(_), _)), Some((_, Tok::LParen, _)))
            );
        if let Some(name) = opener_name(t) {
            if !is_fun_ref {
                stack.push((name, Span::new(*l, *r)));
            }
        } else {
            match t {
                Tok::End | Tok::RParen | Tok::RBracket | Tok::RBrace => {
                    stack.pop();
                }
                _ => {}
            }
        }
        i += 1;
    }
    stack.pop()
}

fn clean_expected(expected: &[String]) -> Vec<String> {
    let mut v: Vec<String> = expected
        .iter()
        .map(|e| {
            let e = e.trim_matches('"');
            match e {
                "atom" | "qatom" => "an atom".to_string(),
                "var" => "a variable".to_string(),
                "int" | "float" => "a number".to_string(),
                "string" => "a string".to_string(),
                other => format!("`{other}`"),
            }
        })
        .collect();
    v.dedup();
    v.truncate(10);
    v
}

fn prev_token(toks: &[Spanned], lo: usize) -> Option<&Spanned> {
    toks.iter().rev().find(|(_, _, r)| *r <= lo)
}

fn ends_expression(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Atom(_)
            | Tok::QAtom(_)
            | Tok::Var(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::RParen
            | Tok::RBracket
            | Tok::RBrace
            | Tok::End
    )
}

fn unexpected_token(
    l: usize,
    t: &Tok,
    r: usize,
    expected: &[String],
    toks: &[Spanned],
) -> Diagnostic {
    let span = Span::new(l, r);
    let what = t.describe();
    let mut d = Diagnostic::error(format!("syntax error at {what}"))
        .at(span, format!("I was not expecting {what} here"));
    let prev = prev_token(toks, l).cloned();
    let next_is_paren = toks
        .iter()
        .find(|(pl, _, _)| *pl >= r)
        .is_some_and(|(_, t, _)| *t == Tok::LParen);
    match (t, prev) {
        (Tok::Arrow, _) => {
            if let Some((cl, _, cr)) = toks
                .iter()
                .rev()
                .find(|(pr, tk, _)| *pr < l && *tk == Tok::Comma)
            {
                d = d
                    .with_label(Span::new(*cl, *cr), "this `,` continues the previous clause")
                    .help("a new clause starts at the `->`: separate clauses with `;`, and use `,` only between expressions of one body");
            } else {
                d = d.help("`->` follows a clause head: a pattern (with an optional `when` guard) in `case`, `receive`, `fun` or a function");
            }
        }
        (_, Some((_, Tok::Semi, _))) if !matches!(t, Tok::Atom(_)) => {
            d = d.help("`;` ends a clause and starts the next one; to go on with more expressions in the same body, separate them with `,`");
        }
        (Tok::Atom(_), Some((_, pt, _))) if next_is_paren && ends_expression(&pt) => {
            d = d.help("did you forget the `.` at the end of the previous function? A function definition ends with `.`");
        }
        (
            Tok::Var(_) | Tok::Atom(_) | Tok::Int(_) | Tok::Str(_) | Tok::LBrace | Tok::LBracket,
            Some((_, pt, _)),
        ) if ends_expression(&pt) => {
            d = d.help("did you forget a `,` between two expressions?");
        }
        (Tok::End, Some((_, Tok::Semi, _))) => {
            d = d.help("the last clause before `end` takes no `;`: remove it");
        }
        (Tok::End, Some((_, Tok::Comma, _))) => {
            d = d.help("the last expression before `end` takes no `,`: remove it");
        }
        (Tok::RParen | Tok::RBracket | Tok::RBrace, Some((_, Tok::Comma, _))) => {
            d = d.help("a `,` must be followed by another element: remove the trailing `,`");
        }
        (Tok::Eq, _) => {
            d = d.help("`=` matches a pattern; to compare, use `==` or `=:=`");
        }
        _ => {
            let ex = clean_expected(expected);
            if !ex.is_empty() {
                d = d.note(format!("expected one of: {}", ex.join(", ")));
            }
            d = d
                .help("look just before this point for a missing or extra `,`, `;`, `->` or `end`");
        }
    }
    d
}

fn unexpected_end(
    location: usize,
    toks: &[Spanned],
    form_end: usize,
    has_dot: bool,
    expected: &[String],
) -> Diagnostic {
    let at = Span::new(form_end, form_end + usize::from(has_dot));
    if let Some((open, span)) = unclosed(toks) {
        let close = closer_for(open);
        return Diagnostic::error(format!("this `{open}` is never closed"))
            .at(span, format!("this `{open}` needs a matching `{close}`"))
            .with_label(
                at,
                if has_dot {
                    "the form ends here"
                } else {
                    "the file ends here"
                },
            )
            .help(format!("add `{close}` where the `{open}` should stop"));
    }
    if !has_dot {
        return Diagnostic::error("the last form has no final `.`")
            .at(Span::new(location, location), "expected `.` here")
            .help("every function and attribute ends with a `.`");
    }
    let ex = clean_expected(expected);
    let mut d = Diagnostic::error("this form ends too early")
        .at(at, "the `.` comes before the form is complete")
        .help("complete the expression before the `.`, or remove a `.` that ends it too soon");
    if !ex.is_empty() {
        d = d.note(format!("expected one of: {}", ex.join(", ")));
    }
    if matches!(toks.last(), Some((_, Tok::Comma | Tok::Semi, _))) {
        d = d.help("a `,` or `;` cannot come right before the `.`: remove it");
    }
    d
}

/// Turns a parser error into a diagnostic.
pub fn parse_error(
    e: ParseError<usize, Tok, LexError>,
    toks: &[Spanned],
    form_end: usize,
    has_dot: bool,
) -> Diagnostic {
    match e {
        ParseError::UnrecognizedEof { location, expected } => {
            unexpected_end(location, toks, form_end, has_dot, &expected)
        }
        ParseError::UnrecognizedToken {
            token: (l, t, r),
            expected,
        } => unexpected_token(l, &t, r, &expected, toks),
        ParseError::ExtraToken { token: (l, t, r) } => unexpected_token(l, &t, r, &[], toks),
        ParseError::InvalidToken { location } => Diagnostic::error("I cannot read this")
            .at(Span::new(location, location + 1), "here")
            .help("remove or quote this text"),
        ParseError::User { error: LexError } => Diagnostic::error("I cannot read this input")
            .at(Span::new(0, 0), "here")
            .help("check the text for characters that are not part of Erlang"),
    }
}
