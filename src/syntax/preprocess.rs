//! The preprocessor: splits tokens into forms at each `.`, records
//! `-define` constants and expands `?NAME`, `?MODULE`, `?LINE`; skips type
//! specifications; reads module attributes into the `Module`.
//! Works on tokens only; never evaluates anything.

use super::ast::{BinOp, Expr, ExprKind, Module, Span};
use super::token::{Spanned, Tok};
use crate::diag::Diagnostic;
use crate::term::Atom;
use num_traits::ToPrimitive;
use std::collections::BTreeMap;

/// The tokens of one form, without its dot.
pub struct FormTokens {
    pub tokens: Vec<Spanned>,
    /// Where the form ends (its dot, or the end of the text).
    pub end: usize,
    pub has_dot: bool,
}

const SKIPPED: &[&str] = &[
    "spec",
    "type",
    "opaque",
    "callback",
    "export_type",
    "dialyzer",
    "doc",
    "moduledoc",
];

struct Macros {
    defs: BTreeMap<String, Vec<Spanned>>,
    module: Option<String>,
}

/// Splits into forms and expands macros. Diagnostics go to `diags`.
pub fn forms(
    toks: Vec<Spanned>,
    default_name: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<FormTokens> {
    let mut macros = Macros {
        defs: BTreeMap::new(),
        module: default_name.map(str::to_string),
    };
    let mut out = Vec::new();
    let mut cur: Vec<Spanned> = Vec::new();
    let mut iter = toks.into_iter();
    loop {
        let next = iter.next();
        let (end, has_dot, done) = match &next {
            Some((l, Tok::Dot, _)) => (*l, true, false),
            Some(t) => {
                cur.push(t.clone());
                continue;
            }
            None => (cur.last().map(|t| t.2).unwrap_or(0), false, true),
        };
        let form = std::mem::take(&mut cur);
        if !form.is_empty() {
            if let Some(f) = handle_form(form, end, has_dot, &mut macros, diags) {
                out.push(f);
            }
        }
        if done {
            break;
        }
    }
    out
}

fn attr_name(form: &[Spanned]) -> Option<&str> {
    match (form.first(), form.get(1)) {
        (Some((_, Tok::Minus, _)), Some((_, Tok::Atom(a), _))) => Some(a.as_str()),
        _ => None,
    }
}

fn handle_form(
    form: Vec<Spanned>,
    end: usize,
    has_dot: bool,
    m: &mut Macros,
    diags: &mut Vec<Diagnostic>,
) -> Option<FormTokens> {
    match attr_name(&form) {
        Some(a) if SKIPPED.contains(&a) => return None,
        Some("define") => {
            define(&form, m, diags);
            return None;
        }
        Some("module") => {
            if let Some((_, Tok::Atom(name) | Tok::QAtom(name), _)) = form.get(3) {
                m.module = Some(name.clone());
            }
        }
        Some("record") => {
            let span = span_of(&form);
            diags.push(
                Diagnostic::error("records are not supported in pidlab")
                    .at(span, "this record definition")
                    .help(
                        "use a tuple `{name, Field1, Field2}` or a map `#{field1 => ...}` instead",
                    ),
            );
            return None;
        }
        _ => {}
    }
    let tokens = expand(form, m, diags);
    Some(FormTokens {
        tokens,
        end,
        has_dot,
    })
}

fn span_of(form: &[Spanned]) -> Span {
    let lo = form.first().map(|t| t.0).unwrap_or(0);
    let hi = form.last().map(|t| t.2).unwrap_or(lo);
    Span::new(lo, hi)
}

fn define(form: &[Spanned], m: &mut Macros, diags: &mut Vec<Diagnostic>) {
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
    let shape_ok = matches!(form.get(2), Some((_, Tok::LParen, _)))
        && matches!(form.get(4), Some((_, Tok::Comma, _)))
        && matches!(form.last(), Some((_, Tok::RParen, _)));
    if !shape_ok {
        let help = if matches!(form.get(4), Some((_, Tok::LParen, _))) {
            "macros with arguments are not supported; write a function instead"
        } else {
            "write it as `-define(NAME, Value).`"
        };
        diags.push(
            Diagnostic::error(format!("I cannot read the macro definition of `{name}`"))
                .at(span, "this `-define`")
                .help(help),
        );
        return;
    }
    let body: Vec<Spanned> = form
        .get(5..form.len().saturating_sub(1))
        .map(<[Spanned]>::to_vec)
        .unwrap_or_default();
    m.defs.insert(name, body);
}

fn expand(form: Vec<Spanned>, m: &Macros, diags: &mut Vec<Diagnostic>) -> Vec<Spanned> {
    expand_depth(form, m, diags, 0)
}

/// Macros may use other macros; a chain deeper than this is a loop.
const MAX_MACRO_DEPTH: usize = 32;

fn expand_depth(
    form: Vec<Spanned>,
    m: &Macros,
    diags: &mut Vec<Diagnostic>,
    depth: usize,
) -> Vec<Spanned> {
    let mut out = Vec::with_capacity(form.len());
    let mut iter = form.into_iter().peekable();
    while let Some(t) = iter.next() {
        if t.1 != Tok::Question {
            out.push(t);
            continue;
        }
        let Some((_, Tok::Atom(name) | Tok::Var(name), r)) = iter.peek().cloned() else {
            diags.push(
                Diagnostic::error("a `?` must be followed by a macro name")
                    .at(Span::new(t.0, t.2), "here")
                    .help(
                        "write `?NAME` for a macro defined with `-define(NAME, ...)`, or `?MODULE`",
                    ),
            );
            continue;
        };
        iter.next();
        let span = (t.0, r);
        match name.as_str() {
            "MODULE" => match &m.module {
                Some(md) => out.push((span.0, Tok::Atom(md.clone()), span.1)),
                None => diags.push(Diagnostic::error("`?MODULE` is used before the `-module` attribute").at(Span::new(span.0, span.1), "here").help("put `-module(name).` at the top of the file")),
            },
            "MODULE_STRING" => out.push((span.0, Tok::Str(m.module.clone().unwrap_or_default()), span.1)),
            _ => match m.defs.get(&name) {
                Some(_) if depth >= MAX_MACRO_DEPTH => diags.push(
                    Diagnostic::error(format!("the macro `{name}` expands into itself"))
                        .at(Span::new(span.0, span.1), "expanding this never ends")
                        .help("a macro may use other macros, but not itself, directly or through others"),
                ),
                Some(body) => {
                    let body: Vec<Spanned> = body.iter().map(|(_, tok, _)| (span.0, tok.clone(), span.1)).collect();
                    out.extend(expand_depth(body, m, diags, depth + 1));
                }
                None => {
                    let mut d = Diagnostic::error(format!("the macro `{name}` is not defined")).at(Span::new(span.0, span.1), "unknown macro");
                    let names: Vec<&str> = m.defs.keys().map(String::as_str).chain(["MODULE"]).collect();
                    d = match crate::compile::suggest::closest(&name, names) {
                        Some(s) => d.help(format!("did you mean `?{s}`?")),
                        None => d.help(format!("define it first with `-define({name}, Value).`")),
                    };
                    diags.push(d);
                }
            },
        }
    }
    out
}

/// Expands `?MODULE` etc. in shell input (no `-define`s there).
pub fn expand_shell(toks: Vec<Spanned>, diags: &mut Vec<Diagnostic>) -> Vec<Spanned> {
    let m = Macros {
        defs: BTreeMap::new(),
        module: Some("shell".to_string()),
    };
    expand(toks, &m, diags)
}

fn fa_pair(e: &Expr) -> Option<(Atom, usize)> {
    match &e.kind {
        ExprKind::Bin(BinOp::Fdiv, f, a) => match (&f.kind, &a.kind) {
            (ExprKind::Atom(f), ExprKind::Int(n)) => Some((*f, n.to_usize()?)),
            _ => None,
        },
        _ => None,
    }
}

fn fa_list(e: &Expr, what: &str, diags: &mut Vec<Diagnostic>) -> Vec<(Atom, usize, Span)> {
    let mut out = Vec::new();
    match &e.kind {
        ExprKind::List(items, None) => {
            for it in items {
                match fa_pair(it) {
                    Some((f, a)) => out.push((f, a, it.span)),
                    None => diags.push(
                        Diagnostic::error(format!("I cannot read this entry of the {what} list"))
                            .at(it.span, "expected `name/Arity`")
                            .help("write functions as `name/Arity`, e.g. `main/0`"),
                    ),
                }
            }
        }
        _ => diags.push(
            Diagnostic::error(format!("the {what} attribute needs a list"))
                .at(e.span, "expected a list like `[main/0, loop/1]`"),
        ),
    }
    out
}

/// Reads one attribute into the module.
pub fn attribute(
    module: &mut Module,
    name: Atom,
    args: Vec<Expr>,
    span: Span,
    diags: &mut Vec<Diagnostic>,
) {
    match (name.name(), args.as_slice()) {
        ("module", [e]) => match &e.kind {
            ExprKind::Atom(a) => module.name = Some((*a, e.span)),
            _ => diags.push(
                Diagnostic::error("the module name must be an atom")
                    .at(e.span, "not an atom")
                    .help("write `-module(my_module).`"),
            ),
        },
        ("export", [e]) => {
            let l = fa_list(e, "export", diags);
            module.exports.extend(l);
        }
        ("import", [m, l]) => match &m.kind {
            ExprKind::Atom(md) => {
                for (f, a, s) in fa_list(l, "import", diags) {
                    module.imports.push((*md, f, a, s));
                }
            }
            _ => diags.push(
                Diagnostic::error("the module to import from must be an atom")
                    .at(m.span, "not an atom"),
            ),
        },
        ("module" | "export" | "import", _) => diags.push(
            Diagnostic::error(format!(
                "the `-{}` attribute has the wrong shape",
                name.name()
            ))
            .at(span, "here")
            .help("write `-module(name).`, `-export([f/1]).` or `-import(lists, [map/2]).`"),
        ),
        _ => {}
    }
}
