//! The preprocessor: splits tokens into forms at each `.`; hands
//! `-define` and `?NAME` to `macros.rs` and `-if`/`-ifdef`/... to
//! `conditional.rs`; splices in the forms of `-include`d headers
//! (`include.rs`); skips type specifications; reads module attributes into
//! the `Module`. Works on tokens only; never evaluates anything but the
//! conditions of `-if`.

use super::ast::{BinOp, Expr, ExprKind, Module, Span};
use super::conditional::{self, Cond};
use super::include::{self, Header, Origin};
use super::macros::{self, Macros};
use super::token::{Spanned, Tok};
use crate::diag::Diagnostic;
use crate::term::Atom;
use num_traits::ToPrimitive;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The tokens of one form, without its dot.
pub struct FormTokens {
    pub tokens: Vec<Spanned>,
    /// Where the form ends (its dot, or the end of the text).
    pub end: usize,
    pub has_dot: bool,
    /// For a form from a header: its tokens where they stand in the header
    /// (`tokens` all point at the `-include`), to report a mistake there.
    pub header: Option<FromHeader>,
}

pub struct FromHeader {
    pub header: Rc<Header>,
    pub tokens: Vec<Spanned>,
    pub end: usize,
}

/// How deep headers may include headers (a header including itself stops here).
const MAX_INCLUDE_DEPTH: usize = 8;

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

/// Splits into forms and expands macros. Diagnostics go to `diags`.
/// `origin` names the file and reads the headers it includes; without it
/// an `-include` is an error.
pub fn forms(
    src: &str,
    toks: Vec<Spanned>,
    default_name: Option<&str>,
    origin: Option<&Origin<'_>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<FormTokens> {
    let mut pre = Pre {
        macros: Macros {
            defs: BTreeMap::new(),
            module: default_name.map(str::to_string),
            file: origin.map(|o| o.file.to_string()).unwrap_or_default(),
            line_starts: include::line_starts(src),
            function: None,
        },
        conds: Vec::new(),
        out: Vec::new(),
        origin,
    };
    pre.feed(toks, None, diags);
    for c in pre.conds {
        diags.push(
            Diagnostic::error("this `-ifdef` or `-ifndef` has no `-endif`")
                .at(c.span, "opened here")
                .help("end the conditional part with `-endif.`"),
        );
    }
    pre.out
}

/// The preprocessor's state over a file and the headers it includes.
struct Pre<'a> {
    macros: Macros,
    conds: Vec<Cond>,
    out: Vec<FormTokens>,
    origin: Option<&'a Origin<'a>>,
}

impl Pre<'_> {
    /// Splits `toks` into forms at each `.` and handles each; `header` is
    /// the header they come from, if any.
    fn feed(
        &mut self,
        toks: Vec<Spanned>,
        header: Option<&Rc<Header>>,
        diags: &mut Vec<Diagnostic>,
    ) {
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
                let mut local = Vec::new();
                self.form(form, end, has_dot, header, &mut local);
                match header {
                    Some(h) => diags.extend(local.into_iter().map(|d| h.relabel(d))),
                    None => diags.extend(local),
                }
            }
            if done {
                break;
            }
        }
    }

    fn form(
        &mut self,
        form: Vec<Spanned>,
        end: usize,
        has_dot: bool,
        header: Option<&Rc<Header>>,
        diags: &mut Vec<Diagnostic>,
    ) {
        if conditional::conditional(&form, &mut self.conds, &mut self.macros, diags)
            || !self.conds.last().is_none_or(|c| c.keep)
        {
            return;
        }
        if let Some(a @ ("include" | "include_lib")) = attr_name(&form) {
            let lib = a == "include_lib";
            return self.include(&form, lib, header, diags);
        }
        let Some(mut f) = handle_form(form, end, has_dot, &mut self.macros, diags) else {
            return;
        };
        if let Some(h) = header {
            let at = h.root_at();
            let tokens = f
                .tokens
                .iter()
                .map(|(_, t, _)| (at.lo, t.clone(), at.hi))
                .collect();
            let original = std::mem::replace(&mut f.tokens, tokens);
            f.header = Some(FromHeader {
                header: Rc::clone(h),
                tokens: original,
                end: f.end,
            });
            f.end = at.hi;
        }
        self.out.push(f);
    }

    /// `-include("name")` or `-include_lib("name")`: reads the header and
    /// feeds its forms, as if they stood in place of the attribute.
    fn include(
        &mut self,
        form: &[Spanned],
        lib: bool,
        parent: Option<&Rc<Header>>,
        diags: &mut Vec<Diagnostic>,
    ) {
        let span = span_of(form);
        let attr = if lib { "include_lib" } else { "include" };
        let name = match (form.get(2), form.get(3), form.get(4), form.len()) {
            (
                Some((_, Tok::LParen, _)),
                Some((_, Tok::Str(n), _)),
                Some((_, Tok::RParen, _)),
                5,
            ) => n.clone(),
            _ => {
                diags.push(
                    Diagnostic::error(format!("`-{attr}` needs a file name in a string"))
                        .at(span, "no file name here")
                        .help(format!("write `-{attr}(\"records.hrl\").`")),
                );
                return;
            }
        };
        let depth = parent.map_or(0, |p| p.depth() + 1);
        if depth >= MAX_INCLUDE_DEPTH {
            diags.push(
                Diagnostic::error(format!("includes nest more than {MAX_INCLUDE_DEPTH} deep"))
                    .at(span, format!("including {name} again"))
                    .help("a header that includes itself, directly or through others, never ends; remove that `-include`"),
            );
            return;
        }
        let Some(origin) = self.origin else {
            diags.push(
                Diagnostic::error(format!("`-{attr}` needs a file to include from"))
                    .at(span, "this text has no file")
                    .help("`-include` works in a module file run with `pidlab run` or loaded with `c(...)`"),
            );
            return;
        };
        let mut why = String::new();
        let text = include::candidates(&name, lib)
            .iter()
            .find_map(|n| match (origin.read)(n) {
                Ok(t) => Some((n.clone(), t)),
                Err(e) => {
                    if why.is_empty() {
                        why = e;
                    }
                    None
                }
            });
        let Some((found, text)) = text else {
            diags.push(
                Diagnostic::error(format!("cannot read the included file {name}"))
                    .at(span, "included here")
                    .note(why)
                    .help(format!(
                        "put {name} in the same directory as the file that includes it"
                    )),
            );
            return;
        };
        let header = Rc::new(Header {
            name: found,
            line_starts: include::line_starts(&text),
            at: span,
            parent: parent.map(Rc::clone),
        });
        let toks = super::token::lex(&text);
        for (l, t, r) in &toks {
            if let Some(d) = super::errors::lexical(t, Span::new(*l, *r)) {
                diags.push(header.relabel(d));
            }
        }
        let saved = (
            std::mem::replace(&mut self.macros.line_starts, header.line_starts.clone()),
            std::mem::replace(&mut self.macros.file, header.name.clone()),
        );
        self.feed(toks, Some(&header), diags);
        (self.macros.line_starts, self.macros.file) = saved;
    }
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
            macros::define(&form, m, diags);
            return None;
        }
        Some("module") => {
            if let Some((_, Tok::Atom(name) | Tok::QAtom(name), _)) = form.get(3) {
                m.module = Some(name.clone());
            }
        }
        Some("record") => {
            let tokens = macros::expand(drop_field_types(form), m, diags);
            return Some(FormTokens {
                tokens,
                end,
                has_dot,
                header: None,
            });
        }
        _ => {}
    }
    m.function = function_head(&form);
    let tokens = macros::expand(form, m, diags);
    Some(FormTokens {
        tokens,
        end,
        has_dot,
        header: None,
    })
}

/// Drops the type annotations (`:: type()`) of a record definition's
/// fields: from a `::` inside the field tuple to the `,` or `}` that ends
/// the field. Types are not checked.
fn drop_field_types(form: Vec<Spanned>) -> Vec<Spanned> {
    let mut out = Vec::with_capacity(form.len());
    let mut depth = 0usize;
    let mut skipping = false;
    for t in form {
        let opens = matches!(t.1, Tok::LParen | Tok::LBracket | Tok::LBrace);
        let closes = matches!(t.1, Tok::RParen | Tok::RBracket | Tok::RBrace);
        if skipping {
            let field_ends = depth == 2 && (t.1 == Tok::Comma || closes);
            if !field_ends {
                if opens {
                    depth += 1;
                } else if closes {
                    depth = depth.saturating_sub(1);
                }
                continue;
            }
            skipping = false;
        }
        if depth == 2 && t.1 == Tok::ColonColon {
            skipping = true;
            continue;
        }
        if opens {
            depth += 1;
        } else if closes {
            depth = depth.saturating_sub(1);
        }
        out.push(t);
    }
    out
}

/// The name and arity of the function a form defines (from its first
/// clause's head), or `None` for an attribute.
fn function_head(form: &[Spanned]) -> Option<(String, usize)> {
    let (Some((_, Tok::Atom(name) | Tok::QAtom(name), _)), Some((_, Tok::LParen, _))) =
        (form.first(), form.get(1))
    else {
        return None;
    };
    let mut depth = 0usize;
    let mut commas = 0;
    let mut empty = true;
    for (_, t, _) in form.iter().skip(2) {
        match t {
            Tok::LParen | Tok::LBracket | Tok::LBrace => depth += 1,
            Tok::RParen if depth == 0 => {
                return Some((name.clone(), if empty { 0 } else { commas + 1 }));
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace => depth = depth.saturating_sub(1),
            Tok::Comma if depth == 0 => commas += 1,
            _ => {}
        }
        empty = false;
    }
    None
}

fn span_of(form: &[Spanned]) -> Span {
    let lo = form.first().map(|t| t.0).unwrap_or(0);
    let hi = form.last().map(|t| t.2).unwrap_or(lo);
    Span::new(lo, hi)
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
        ("compile", [e]) => compile_options(module, e, diags),
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

/// `-compile(Option)` or `-compile([Option, ...])`: the options pidlab acts
/// on are kept; those that only steer erlc's code or warnings are accepted;
/// any other is a warning, so nothing is silently ignored.
fn compile_options(module: &mut Module, e: &Expr, diags: &mut Vec<Diagnostic>) {
    let opts: Vec<&Expr> = match &e.kind {
        ExprKind::List(items, None) => items.iter().collect(),
        _ => vec![e],
    };
    for o in opts {
        let (name, arg) = match &o.kind {
            ExprKind::Atom(a) => (a.name(), None),
            ExprKind::Tuple(t) => match t.as_slice() {
                [Expr {
                    kind: ExprKind::Atom(a),
                    ..
                }, arg] => (a.name(), Some(arg)),
                _ => ("", None),
            },
            _ => ("", None),
        };
        match (name, arg) {
            ("export_all", None) => module.options.export_all = Some(o.span),
            ("nowarn_export_all", None) => module.options.nowarn_export_all = true,
            ("no_auto_import", None) => module.options.no_auto_import_all = true,
            ("no_auto_import", Some(l)) => {
                let fas = fa_list(l, "no_auto_import", diags);
                module
                    .options
                    .no_auto_import
                    .extend(fas.into_iter().map(|(f, a, _)| (f, a)));
            }
            (n, _)
                if n.starts_with("nowarn_")
                    || n.starts_with("warn_")
                    || matches!(
                        n,
                        "debug_info" | "inline" | "report" | "report_errors" | "report_warnings"
                            | "verbose" | "warnings_as_errors" | "bin_opt_info" | "native"
                            | "inline_size" | "compressed" | "deterministic"
                    ) => {}
            _ => diags.push(
                Diagnostic::warning("pidlab ignores this compile option")
                    .at(o.span, "not used by pidlab")
                    .help("pidlab acts on export_all, nowarn_export_all and no_auto_import; options for erlc's code and warnings are accepted"),
            ),
        }
    }
}
