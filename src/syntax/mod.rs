//! Source text to syntax trees: lexing, the preprocessor, parsing.
//!
//! Owns turning text into `ast::Module` or shell expressions, with every
//! mistake reported as a `Diagnostic` (several per file: each form is
//! parsed on its own, so one bad function does not hide the next). Never
//! panics on any input. Knows nothing of compilation or running.

pub mod ast;
pub mod conditional;
pub mod errors;
pub mod grammar_util;
pub mod include;
pub mod macros;
pub mod preprocess;
pub mod records;
pub mod token;

use crate::diag::Diagnostic;
use ast::{Expr, Form, Function, Module, Span};
use token::{Spanned, Tok};

lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        clippy::unwrap_used,
        clippy::indexing_slicing,
        unused
    )]
    grammar,
    "/erlang.rs"
);

/// Lexes `src` and reports every unreadable token.
fn lex_checked(src: &str, diags: &mut Vec<Diagnostic>) -> Vec<Spanned> {
    let toks = token::lex(src);
    for (l, t, r) in &toks {
        if let Some(d) = errors::lexical(t, Span::new(*l, *r)) {
            diags.push(d);
        }
    }
    toks
}

/// Parses a whole module that stands in no file (an `-include` is an
/// error). Returns what could be parsed and every diagnostic.
pub fn parse_module(src: &str, default_name: Option<&str>) -> (Module, Vec<Diagnostic>) {
    parse_module_from(src, default_name, None)
}

/// Parses a whole module read from a file: `origin` names it (for
/// `?FILE`) and reads the headers it includes.
pub fn parse_module_from(
    src: &str,
    default_name: Option<&str>,
    origin: Option<&include::Origin<'_>>,
) -> (Module, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let toks = lex_checked(src, &mut diags);
    let forms = preprocess::forms(src, toks, default_name, origin, &mut diags);
    let mut module = Module::default();
    let mut parsed = Vec::new();
    for f in forms {
        let own = f.header.as_ref().map_or(&f.tokens, |h| &h.tokens);
        if own.iter().any(|(_, t, _)| errors::is_lex_error(t)) {
            continue;
        }
        match grammar::FormParser::new().parse(f.tokens.iter().cloned()) {
            Ok(form) => parsed.push(form),
            Err(e) => diags.push(match &f.header {
                // Parse again where the tokens stand in the header, to say where.
                Some(h) => match grammar::FormParser::new().parse(h.tokens.iter().cloned()) {
                    Err(e) => h
                        .header
                        .relabel_all(errors::parse_error(e, &h.tokens, h.end, f.has_dot)),
                    Ok(_) => errors::parse_error(e, &f.tokens, f.end, f.has_dot),
                },
                None => errors::parse_error(e, &f.tokens, f.end, f.has_dot),
            }),
        }
    }
    build_module(&mut module, parsed, &mut diags);
    (module, diags)
}

/// Parses shell input `Exprs.` (the final dot required).
pub fn parse_exprs(src: &str) -> Result<Vec<Expr>, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let toks = lex_checked(src, &mut diags);
    if !diags.is_empty() {
        return Err(diags);
    }
    let mut toks = macros::expand_shell(toks, &mut diags);
    if !diags.is_empty() {
        return Err(diags);
    }
    let end = src.len();
    let has_dot = matches!(toks.last(), Some((_, Tok::Dot, _)));
    if has_dot {
        toks.pop();
    }
    if let Some(pos) = toks.iter().position(|(_, t, _)| *t == Tok::Dot) {
        let (l, _, r) = toks.get(pos).cloned().unwrap_or((0, Tok::Dot, 0));
        return Err(vec![Diagnostic::error("a `.` in the middle of the input")
            .at(Span::new(l, r), "this `.` ends the input too early")
            .help(
                "type one group of expressions at a time, separated by `,` and ended by one `.`",
            )]);
    }
    if toks.is_empty() {
        return Err(vec![Diagnostic::error("there is nothing to evaluate")
            .at(Span::new(0, end), "empty input")
            .help("type an expression followed by `.`, e.g. `1 + 2.`")]);
    }
    match grammar::ExprsParser::new().parse(toks.iter().cloned()) {
        Ok(es) => {
            if has_dot {
                Ok(es)
            } else {
                Err(vec![Diagnostic::error("the input does not end with `.`")
                    .at(Span::new(end, end), "expected `.` here")
                    .help(
                        "Erlang shell input ends with a `.`, e.g. `X = 1 + 2.`",
                    )])
            }
        }
        Err(e) => Err(vec![errors::parse_error(e, &toks, end, has_dot)]),
    }
}

/// Shell input that defines a function (`name(Args) -> Body.`, as OTP 26
/// allows at the prompt): None for expressions; otherwise the function's
/// name and arity, or why the definition does not parse.
pub fn shell_function(src: &str) -> Option<Result<(crate::term::Atom, usize), Vec<Diagnostic>>> {
    let toks = token::lex(src);
    match (toks.first(), toks.get(1)) {
        (Some((_, Tok::Atom(_), _)), Some((_, Tok::LParen, _))) => {}
        _ => return None,
    }
    // A clause head is followed by `->` (or `when`) before any `,` at depth 0.
    let mut depth = 0i32;
    let mut is_def = false;
    for (_, t, _) in toks.iter().skip(1) {
        match t {
            Tok::LParen | Tok::LBracket | Tok::LBrace => depth += 1,
            Tok::RParen | Tok::RBracket | Tok::RBrace => depth -= 1,
            Tok::Arrow | Tok::When if depth == 0 => {
                is_def = true;
                break;
            }
            Tok::Comma | Tok::Dot | Tok::Bang | Tok::Eq if depth == 0 => return None,
            _ => {}
        }
    }
    if !is_def {
        return None;
    }
    let body: Vec<Spanned> = toks
        .into_iter()
        .take_while(|(_, t, _)| *t != Tok::Dot)
        .collect();
    let end = body.last().map(|t| t.2).unwrap_or(0);
    Some(
        match grammar::FormParser::new().parse(body.iter().cloned()) {
            Ok(Form::Function(cs)) => match cs.first() {
                Some((n, _, c)) => Ok((*n, c.pats.len())),
                None => Err(vec![]),
            },
            Ok(_) => Err(vec![]),
            Err(e) => Err(vec![errors::parse_error(e, &body, end, true)]),
        },
    )
}

/// Whether shell input is complete: it parses, or fails for a reason other
/// than running out of input. The REPL keeps reading while this is false.
pub fn input_complete(src: &str) -> bool {
    let toks = token::lex(src);
    if toks
        .iter()
        .any(|(_, t, _)| matches!(t, Tok::UnterminatedString | Tok::UnterminatedAtom))
    {
        return false;
    }
    matches!(toks.last(), Some((_, Tok::Dot, _)))
}

/// Splits shell input at each ending `.` into the inputs erl reads one
/// after another: `A = 3. A + 1.` is two inputs, and so are two lines
/// pasted at once. A part holding only blanks and comments joins the next
/// one; text after the last `.` (an unfinished input) is a part of its
/// own. A `.` inside a string, a quoted atom or a comment ends nothing.
pub fn split_inputs(src: &str) -> Vec<&str> {
    let toks = token::lex(src);
    let mut parts = vec![];
    let mut start = 0;
    for (_, t, r) in &toks {
        if *t == Tok::Dot {
            if let Some(part) = src.get(start..*r) {
                parts.push(part.trim());
            }
            start = *r;
        }
    }
    match src.get(start..).map(str::trim) {
        Some(rest) if !rest.is_empty() && toks.last().is_some_and(|(_, t, _)| *t != Tok::Dot) => {
            parts.push(rest)
        }
        _ => {}
    }
    if parts.is_empty() {
        parts.push(src);
    }
    parts
}

fn build_module(module: &mut Module, forms: Vec<Form>, diags: &mut Vec<Diagnostic>) {
    let mut records = records::Records::default();
    for form in forms {
        match form {
            Form::Attribute(name, args, span) if name.name() == "record" => {
                records.define(args, span, diags)
            }
            Form::Attribute(name, args, span) => {
                preprocess::attribute(module, name, args, span, diags)
            }
            Form::Function(mut clauses) => {
                for (_, _, c) in &mut clauses {
                    records.clause(c, diags);
                }
                add_function(module, clauses, diags)
            }
        }
    }
}

fn add_function(
    module: &mut Module,
    clauses: Vec<(crate::term::Atom, Span, ast::Clause)>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some((name, name_span, first)) = clauses.first().cloned() else {
        return;
    };
    let arity = first.pats.len();
    let mut fun = Function {
        name,
        arity,
        clauses: vec![],
        span: first.span,
        name_span,
    };
    for (n, nspan, c) in clauses {
        if n != name || c.pats.len() != arity {
            diags.push(
                Diagnostic::error(format!(
                    "this clause is {}/{}, but it follows clauses of {}/{}",
                    n.name(),
                    c.pats.len(),
                    name.name(),
                    arity
                ))
                .at(nspan, "a different function starts here")
                .with_label(name_span, format!("{}/{} starts here", name.name(), arity))
                .help(format!(
                    "clauses of one function are separated by `;` and the function ends with `.`: end {}/{} with `.` before starting {}/{}",
                    name.name(),
                    arity,
                    n.name(),
                    c.pats.len()
                )),
            );
            continue;
        }
        fun.span = fun.span.to(c.span);
        fun.clauses.push(c);
    }
    if let Some(prev) = module
        .functions
        .iter()
        .find(|f| f.name == name && f.arity == arity)
    {
        diags.push(
            Diagnostic::error(format!("function {}/{} is already defined", name.name(), arity))
                .at(name_span, "defined again here")
                .with_label(prev.name_span, "first defined here")
                .help("all clauses of a function must stand together, separated by `;`; or give this function another name"),
        );
        return;
    }
    module.functions.push(fun);
}

#[cfg(test)]
mod tests {
    use super::split_inputs;

    #[test]
    fn shell_input_splits_at_each_ending_dot() {
        assert_eq!(split_inputs("A = 3. A + 1.\n"), ["A = 3.", "A + 1."]);
        // Dots that end nothing: in a float, a record field, a string, a
        // quoted atom and a comment.
        assert_eq!(
            split_inputs("X = 1.5, R#r.f, \"a. b\", 'c. d'. % e. f\n"),
            ["X = 1.5, R#r.f, \"a. b\", 'c. d'."]
        );
        assert_eq!(split_inputs("A = [1,\n2].\n"), ["A = [1,\n2]."]);
        // What follows the last `.` is an input of its own, unfinished.
        assert_eq!(split_inputs("A = 3. B ="), ["A = 3.", "B ="]);
        assert_eq!(split_inputs("foo(. C."), ["foo(.", "C."]);
        assert_eq!(split_inputs("  \n"), ["  \n"]);
    }
}
