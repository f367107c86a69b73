//! Macros: `-define(NAME, Body).`, `-define(NAME(A, B), Body).` (one
//! name may have a definition without arguments and one per arity), their
//! expansion `?NAME`, `?NAME(Args)` and `??Arg` (an argument's text as a
//! string), and the predefined `?MODULE`, `?MODULE_STRING`, `?FILE`,
//! `?LINE`, `?FUNCTION_NAME`, `?FUNCTION_ARITY`, `?MACHINE` and
//! `?OTP_RELEASE`. Works on tokens only; never evaluates anything.

use super::ast::Span;
use super::token::{Spanned, Tok};
use crate::diag::Diagnostic;
use std::collections::BTreeMap;

/// The definitions of one macro name.
#[derive(Default)]
pub struct Def {
    /// `-define(NAME, Body)`.
    plain: Option<Vec<Spanned>>,
    /// `-define(NAME(Params), Body)`, by the number of parameters.
    with_args: BTreeMap<usize, (Vec<String>, Vec<Spanned>)>,
}

/// The names `?NAME` always knows.
const PREDEFINED: &[&str] = &[
    "MODULE",
    "MODULE_STRING",
    "FILE",
    "LINE",
    "MACHINE",
    "OTP_RELEASE",
];

/// The OTP release pidlab follows, for `?OTP_RELEASE`.
const OTP_RELEASE: u32 = 25;

pub struct Macros {
    pub defs: BTreeMap<String, Def>,
    pub module: Option<String>,
    /// The file being read, for `?FILE`.
    pub file: String,
    /// Byte offsets where each line of the text being read starts, for `?LINE`.
    pub line_starts: Vec<usize>,
    /// The function the current form defines, for `?FUNCTION_NAME`.
    pub function: Option<(String, usize)>,
}

impl Macros {
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|s| *s <= offset)
    }

    /// Whether `-ifdef(name)` holds: defined by `-define` (with any
    /// arguments) or predefined.
    pub fn is_defined(&self, name: &str) -> bool {
        self.defs.contains_key(name)
            || (PREDEFINED.contains(&name) && (name != "MODULE" || self.module.is_some()))
    }
}

fn span_of(form: &[Spanned]) -> Span {
    let lo = form.first().map(|t| t.0).unwrap_or(0);
    let hi = form.last().map(|t| t.2).unwrap_or(lo);
    Span::new(lo, hi)
}

/// Reads `-define(NAME, Body).` or `-define(NAME(P1, P2), Body).`.
pub fn define(form: &[Spanned], m: &mut Macros, diags: &mut Vec<Diagnostic>) {
    let span = span_of(form);
    let name = match form.get(3) {
        Some((_, Tok::Atom(n) | Tok::Var(n) | Tok::QAtom(n), _)) => n.clone(),
        _ => {
            diags.push(
                Diagnostic::error("a `-define` needs a macro name")
                    .at(span, "here")
                    .help("write it as `-define(NAME, Value).`"),
            );
            return;
        }
    };
    let bad = |diags: &mut Vec<Diagnostic>| {
        diags.push(
            Diagnostic::error(format!("I cannot read the macro definition of `{name}`"))
                .at(span, "this `-define`")
                .help("write it as `-define(NAME, Value).` or, with arguments, `-define(NAME(X, Y), X + Y).`"),
        );
    };
    if !matches!(form.get(2), Some((_, Tok::LParen, _)))
        || !matches!(form.last(), Some((_, Tok::RParen, _)))
    {
        return bad(diags);
    }
    let mut params = None;
    let mut body_start = 5;
    if matches!(form.get(4), Some((_, Tok::LParen, _))) {
        let mut ps = vec![];
        let mut i = 5;
        loop {
            match (form.get(i), form.get(i + 1)) {
                (Some((_, Tok::RParen, _)), _) if ps.is_empty() => {
                    i += 1;
                    break;
                }
                (Some((_, Tok::Var(p), _)), Some((_, Tok::Comma, _))) => ps.push(p.clone()),
                (Some((_, Tok::Var(p), _)), Some((_, Tok::RParen, _))) => {
                    ps.push(p.clone());
                    i += 2;
                    break;
                }
                _ => return bad(diags),
            }
            i += 2;
        }
        params = Some(ps);
        body_start = i + 1;
        if !matches!(form.get(i), Some((_, Tok::Comma, _))) {
            return bad(diags);
        }
    } else if !matches!(form.get(4), Some((_, Tok::Comma, _))) {
        return bad(diags);
    }
    let body: Vec<Spanned> = form
        .get(body_start..form.len().saturating_sub(1))
        .map(<[Spanned]>::to_vec)
        .unwrap_or_default();
    let def = m.defs.entry(name).or_default();
    match params {
        Some(ps) => {
            def.with_args.insert(ps.len(), (ps, body));
        }
        None => def.plain = Some(body),
    }
}

/// Macros using macros can multiply the tokens of a form (each level
/// doubling it, say); past this many a form is refused.
const MAX_EXPANDED_TOKENS: usize = 100_000;

/// Expands the macros in a form.
pub fn expand(form: Vec<Spanned>, m: &Macros, diags: &mut Vec<Diagnostic>) -> Vec<Spanned> {
    let mut budget = MAX_EXPANDED_TOKENS;
    expand_depth(form, m, diags, &mut Vec::new(), &mut budget)
}

/// Expands `?MODULE` etc. in shell input (no `-define`s there).
pub fn expand_shell(toks: Vec<Spanned>, diags: &mut Vec<Diagnostic>) -> Vec<Spanned> {
    let m = Macros {
        defs: BTreeMap::new(),
        module: Some("shell".to_string()),
        file: String::new(),
        line_starts: vec![0],
        function: None,
    };
    expand(toks, &m, diags)
}

/// Adds `d` unless the same message was already given at the same place:
/// the tokens of a macro carry the place of its use, so an error inside a
/// macro that is expanded many times would otherwise repeat.
fn push_once(diags: &mut Vec<Diagnostic>, d: Diagnostic) {
    if !diags
        .iter()
        .any(|x| x.span == d.span && x.message == d.message)
    {
        diags.push(d);
    }
}

type Tokens = std::iter::Peekable<std::vec::IntoIter<Spanned>>;

/// The value of a predefined macro at `span`, if `name` is one.
fn predefined(
    name: &str,
    span: Span,
    m: &Macros,
    diags: &mut Vec<Diagnostic>,
) -> Option<Option<Tok>> {
    Some(match name {
        "MODULE" => match &m.module {
            Some(md) => Some(Tok::Atom(md.clone())),
            None => {
                push_once(
                    diags,
                    Diagnostic::error("`?MODULE` is used before the `-module` attribute")
                        .at(span, "here")
                        .help("put `-module(name).` at the top of the file"),
                );
                None
            }
        },
        "MODULE_STRING" => Some(Tok::Str(m.module.clone().unwrap_or_default())),
        "FILE" => Some(Tok::Str(m.file.clone())),
        "LINE" => Some(Tok::Int(m.line_of(span.lo).into())),
        "MACHINE" => Some(Tok::Atom("BEAM".to_string())),
        "OTP_RELEASE" => Some(Tok::Int(OTP_RELEASE.into())),
        "FUNCTION_NAME" | "FUNCTION_ARITY" => match &m.function {
            Some((f, a)) => Some(if name == "FUNCTION_NAME" {
                Tok::Atom(f.clone())
            } else {
                Tok::Int((*a).into())
            }),
            None => {
                push_once(
                    diags,
                    Diagnostic::error(format!("`?{name}` is used outside a function"))
                        .at(span, "here")
                        .help("use it inside a function's clauses"),
                );
                None
            }
        },
        _ => return None,
    })
}

/// Expands the macros in `form`. `active` holds the macros being expanded
/// (`NAME`, or `NAME/N` for the definition with N arguments; one using
/// itself, directly or through others, is an error at once); `budget`
/// counts down the tokens a form may still grow by.
fn expand_depth(
    form: Vec<Spanned>,
    m: &Macros,
    diags: &mut Vec<Diagnostic>,
    active: &mut Vec<String>,
    budget: &mut usize,
) -> Vec<Spanned> {
    let mut out = Vec::with_capacity(form.len());
    let mut iter = form.into_iter().peekable();
    while let Some(t) = iter.next() {
        if t.1 != Tok::Question {
            out.push(t);
            continue;
        }
        let Some((_, Tok::Atom(name) | Tok::Var(name), r)) = iter.peek().cloned() else {
            push_once(
                diags,
                Diagnostic::error("a `?` must be followed by a macro name")
                    .at(Span::new(t.0, t.2), "here")
                    .help(
                        "write `?NAME` for a macro defined with `-define(NAME, ...)`, or `?MODULE`",
                    ),
            );
            continue;
        };
        iter.next();
        let mut span = Span::new(t.0, r);
        if let Some(v) = predefined(&name, span, m, diags) {
            out.extend(v.map(|tok| (span.lo, tok, span.hi)));
            continue;
        }
        let Some(def) = m.defs.get(&name) else {
            let mut d = Diagnostic::error(format!("the macro `{name}` is not defined"))
                .at(span, "unknown macro");
            let names: Vec<&str> = m
                .defs
                .keys()
                .map(String::as_str)
                .chain(["MODULE"])
                .collect();
            d = match crate::diag::suggest::closest(&name, names) {
                Some(s) => d.help(format!("did you mean `?{s}`?")),
                None => d.help(format!("define it first with `-define({name}, Value).`")),
            };
            push_once(diags, d);
            continue;
        };
        let takes_args =
            !def.with_args.is_empty() && matches!(iter.peek(), Some((_, Tok::LParen, _)));
        let mut key = name.clone();
        let body: Vec<Spanned> = if takes_args {
            let Some((args, end)) = macro_args(&mut iter, &name, span, diags) else {
                return out;
            };
            span.hi = end;
            key = format!("{name}/{}", args.len());
            match def.with_args.get(&args.len()) {
                Some((params, body)) => substitute(params, body, &args, span),
                None => {
                    push_once(diags, arity_error(&name, def, args.len(), span));
                    // An atom in its place, so the form still parses.
                    out.push((span.lo, Tok::Atom("undefined".to_string()), span.hi));
                    continue;
                }
            }
        } else {
            match &def.plain {
                Some(body) => body
                    .iter()
                    .map(|(_, tok, _)| (span.lo, tok.clone(), span.hi))
                    .collect(),
                None => {
                    push_once(diags, arity_error(&name, def, 0, span));
                    out.push((span.lo, Tok::Atom("undefined".to_string()), span.hi));
                    continue;
                }
            }
        };
        if active.contains(&key) {
            push_once(
                diags,
                Diagnostic::error(format!("the macro `{name}` expands into itself"))
                    .at(span, "expanding this never ends")
                    .help(
                        "a macro may use other macros, but not itself, directly or through others",
                    ),
            );
            continue;
        }
        if body.len() >= *budget {
            *budget = 0;
            let outer = active.first().unwrap_or(&name);
            push_once(
                diags,
                Diagnostic::error("the macros in this form expand to too many tokens")
                    .at(span, format!("expanding `?{outer}` passes {MAX_EXPANDED_TOKENS} tokens"))
                    .help("macros that use other macros several times multiply in size; write a function instead"),
            );
            return out;
        }
        *budget -= body.len();
        active.push(key);
        out.extend(expand_depth(body, m, diags, active, budget));
        active.pop();
        if *budget == 0 {
            return out;
        }
    }
    out
}

fn arity_error(name: &str, def: &Def, given: usize, span: Span) -> Diagnostic {
    let mut forms: Vec<String> = def
        .with_args
        .values()
        .map(|(ps, _)| format!("`?{name}({})`", ps.join(", ")))
        .collect();
    if def.plain.is_some() {
        forms.insert(0, format!("`?{name}`"));
    }
    let what = if given == 0 && def.plain.is_none() {
        "without arguments".to_string()
    } else {
        format!("with {given} argument{}", if given == 1 { "" } else { "s" })
    };
    Diagnostic::error(format!("the macro `{name}` is not defined {what}"))
        .at(span, "used here")
        .help(format!("it is defined as {}", forms.join(" and ")))
}

/// Whether a token opens a nesting that an argument's `,` does not end.
fn opens(t: &Tok) -> bool {
    matches!(
        t,
        Tok::LParen
            | Tok::LBracket
            | Tok::LBrace
            | Tok::LtLt
            | Tok::Begin
            | Tok::Case
            | Tok::If
            | Tok::Receive
            | Tok::Try
    )
}

fn closes(t: &Tok) -> bool {
    matches!(
        t,
        Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::GtGt | Tok::End
    )
}

/// Reads `(Arg, Arg)` after a macro's name: the arguments' tokens and
/// where the `)` ends. None (after a diagnostic) if it never closes.
fn macro_args(
    iter: &mut Tokens,
    name: &str,
    span: Span,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Vec<Vec<Spanned>>, usize)> {
    iter.next(); // the `(`
    let mut args: Vec<Vec<Spanned>> = vec![];
    let mut cur: Vec<Spanned> = vec![];
    let mut depth = 0usize;
    while let Some(t) = iter.next() {
        if depth == 0 && matches!(t.1, Tok::RParen | Tok::Comma) {
            let is_end = t.1 == Tok::RParen;
            if !(is_end && args.is_empty() && cur.is_empty()) {
                args.push(std::mem::take(&mut cur));
            }
            if is_end {
                return Some((args, t.2));
            }
            continue;
        }
        let fun_opens = t.1 == Tok::Fun && matches!(iter.peek(), Some((_, Tok::LParen, _)));
        if opens(&t.1) || fun_opens {
            depth += 1;
        } else if closes(&t.1) {
            depth = depth.saturating_sub(1);
        }
        cur.push(t);
    }
    push_once(
        diags,
        Diagnostic::error(format!("the arguments of `?{name}` are never closed"))
            .at(span, "this macro's `(` has no `)`")
            .help(format!("write `?{name}(Arg1, Arg2)` with a closing `)`")),
    );
    None
}

/// A macro's body with its parameters replaced: `P` by the argument's
/// tokens (they keep their own places), `??P` by the argument's text as a
/// string; every other token stands where the macro is used.
fn substitute(
    params: &[String],
    body: &[Spanned],
    args: &[Vec<Spanned>],
    span: Span,
) -> Vec<Spanned> {
    let arg_of = |t: &Tok| match t {
        Tok::Var(v) => params.iter().position(|p| p == v).and_then(|i| args.get(i)),
        _ => None,
    };
    let mut out = vec![];
    let mut i = 0;
    while let Some((_, tok, _)) = body.get(i) {
        if let (Tok::Question, Some((_, Tok::Question, _)), Some((_, v, _))) =
            (tok, body.get(i + 1), body.get(i + 2))
        {
            if let Some(arg) = arg_of(v) {
                out.push((span.lo, Tok::Str(stringify(arg)), span.hi));
                i += 3;
                continue;
            }
        }
        match arg_of(tok) {
            Some(arg) => out.extend(arg.iter().cloned()),
            None => out.push((span.lo, tok.clone(), span.hi)),
        }
        i += 1;
    }
    out
}

/// The text of tokens as `??Arg` gives it: separated by single spaces.
fn stringify(toks: &[Spanned]) -> String {
    let words: Vec<String> = toks
        .iter()
        .map(|(_, t, _)| match t {
            Tok::Atom(a) | Tok::QAtom(a) => crate::term::write::atom_text(a),
            Tok::Var(v) => v.clone(),
            Tok::Int(i) => i.to_string(),
            Tok::Float(f) => crate::term::float::shortest(*f),
            Tok::Str(s) => {
                let mut out = String::from("\"");
                for c in s.chars() {
                    crate::term::write::push_escaped(&mut out, c, '"');
                }
                out.push('"');
                out
            }
            other => other.text().to_string(),
        })
        .collect();
    words.join(" ")
}
