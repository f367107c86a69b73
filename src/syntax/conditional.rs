//! Conditional compilation: `-ifdef(NAME)`, `-ifndef(NAME)`, `-if(Cond)`,
//! `-elif(Cond)`, `-else`, `-endif` and `-undef(NAME)`.
//!
//! A condition is evaluated once its macros are expanded: integers, atoms,
//! arithmetic, comparisons, the boolean operators and `defined(NAME)`,
//! as epp allows. Works on tokens; evaluates nothing else.

use super::ast::{BinOp, Expr, ExprKind, Span, UnOp};
use super::macros::{self, Macros};
use super::token::{Spanned, Tok};
use crate::diag::Diagnostic;
use crate::term::order::{compare, equal, exact_eq};
use crate::term::Term;
use std::cmp::Ordering;

/// One open conditional part: whether its forms are kept now, whether one
/// of its branches was already kept, whether `-else` was seen, and where
/// it opened.
pub struct Cond {
    pub keep: bool,
    taken: bool,
    seen_else: bool,
    pub span: Span,
}

/// The attribute's name; `if` is a keyword token.
fn attr_name(form: &[Spanned]) -> Option<&str> {
    match (form.first(), form.get(1)) {
        (Some((_, Tok::Minus, _)), Some((_, Tok::Atom(a), _))) => Some(a.as_str()),
        (Some((_, Tok::Minus, _)), Some((_, Tok::If, _))) => Some("if"),
        _ => None,
    }
}

/// Handles a conditional attribute; returns false for any other form.
pub fn conditional(
    form: &[Spanned],
    conds: &mut Vec<Cond>,
    m: &mut Macros,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let Some(attr) = attr_name(form) else {
        return false;
    };
    let outer = conds.last().is_none_or(|c| c.keep);
    let lo = form.first().map(|t| t.0).unwrap_or(0);
    let span = Span::new(lo, form.last().map(|t| t.2).unwrap_or(lo));
    let name = match (form.get(3), form.get(4), form.len()) {
        (Some((_, Tok::Atom(n) | Tok::Var(n), _)), Some((_, Tok::RParen, _)), 5) => Some(n.clone()),
        _ => None,
    };
    let named = |what: &str, diags: &mut Vec<Diagnostic>| {
        if name.is_none() {
            diags.push(
                Diagnostic::error(format!("`-{what}` needs a macro name"))
                    .at(span, "no name here")
                    .help(format!("write `-{what}(NAME).`")),
            );
        }
    };
    match attr {
        "ifdef" | "ifndef" => {
            named(attr, diags);
            let defined = name.as_ref().is_some_and(|n| m.is_defined(n));
            let keep = outer && (defined == (attr == "ifdef"));
            conds.push(Cond {
                keep,
                taken: keep,
                seen_else: false,
                span,
            });
        }
        "if" => {
            let keep = outer && condition(form, span, m, diags);
            conds.push(Cond {
                keep,
                taken: keep,
                seen_else: false,
                span,
            });
        }
        "elif" | "else" | "endif" => {
            let parent = conds.len() < 2 || conds.get(conds.len() - 2).is_some_and(|c| c.keep);
            let Some(top) = conds.last_mut() else {
                diags.push(
                    Diagnostic::error(format!("`-{attr}` without an `-if`, `-ifdef` or `-ifndef`"))
                        .at(span, "nothing to close here")
                        .help("open the conditional part with `-ifdef(NAME).` or `-if(Condition).` first"),
                );
                return true;
            };
            if attr == "endif" {
                conds.pop();
            } else if top.seen_else {
                diags.push(
                    Diagnostic::error(format!(
                        "`-{attr}` after the `-else` of the same conditional part"
                    ))
                    .at(span, format!("this `-{attr}`"))
                    .help("a conditional part has at most one `-else`, and it comes last"),
                );
            } else if attr == "else" {
                top.seen_else = true;
                top.keep = parent && !top.taken;
                top.taken = true;
            } else {
                let was_taken = top.taken;
                let keep = parent && !was_taken && condition(form, span, m, diags);
                if let Some(top) = conds.last_mut() {
                    top.keep = keep;
                    top.taken |= keep;
                }
            }
        }
        "undef" => {
            named(attr, diags);
            if outer {
                if let Some(n) = &name {
                    m.defs.remove(n);
                }
            }
        }
        _ => return false,
    }
    true
}

/// Evaluates the condition of `-if(Cond)` or `-elif(Cond)`.
fn condition(form: &[Spanned], span: Span, m: &Macros, diags: &mut Vec<Diagnostic>) -> bool {
    let inner = match (form.get(2), form.last()) {
        (Some((_, Tok::LParen, _)), Some((_, Tok::RParen, _))) if form.len() > 4 => {
            form.get(3..form.len() - 1).unwrap_or_default()
        }
        _ => {
            diags.push(
                Diagnostic::error("a conditional needs a condition in parentheses")
                    .at(span, "no condition here")
                    .help("write `-if(?OTP_RELEASE >= 25).` or `-if(defined(DEBUG)).`"),
            );
            return false;
        }
    };
    let toks = macros::expand(replace_defined(inner, m), m, diags);
    let bad = |at: Span| {
        Diagnostic::error("I cannot evaluate this condition")
            .at(at, "not a constant condition")
            .help("a condition may use numbers, atoms, arithmetic, comparisons, `andalso`, `orelse`, `not` and `defined(NAME)`")
    };
    let Ok(e) = super::grammar::ExprParser::new().parse(toks.iter().cloned()) else {
        diags.push(bad(span));
        return false;
    };
    match eval(&e) {
        Ok(t) => t == Term::bool(true),
        Err(at) => {
            diags.push(bad(at));
            false
        }
    }
}

/// `defined(NAME)` becomes `true` or `false`, before `NAME` is expanded.
fn replace_defined(toks: &[Spanned], m: &Macros) -> Vec<Spanned> {
    let mut out = vec![];
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        if let (
            Tok::Atom(d),
            Some((_, Tok::LParen, _)),
            Some((_, Tok::Atom(n) | Tok::Var(n), _)),
            Some((_, Tok::RParen, r)),
        ) = (&t.1, toks.get(i + 1), toks.get(i + 2), toks.get(i + 3))
        {
            if d == "defined" {
                out.push((t.0, Tok::Atom(m.is_defined(n).to_string()), *r));
                i += 4;
                continue;
            }
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

/// The value of a constant expression, or the span of what is not constant.
fn eval(e: &Expr) -> Result<Term, Span> {
    let err = Err(e.span);
    Ok(match &e.kind {
        ExprKind::Int(i) => Term::from_big(i.clone()),
        ExprKind::Float(f) => Term::Float(*f),
        ExprKind::Atom(a) => Term::Atom(*a),
        ExprKind::Str(s) => Term::string(s),
        ExprKind::Un(op, x) => {
            let v = eval(x)?;
            match (op, &v) {
                (UnOp::Not, _) if is_bool(&v) => Term::bool(v != Term::bool(true)),
                (UnOp::Plus, _) if v.is_number() => v,
                (UnOp::Neg, Term::Int(i)) => Term::from_big(-num_bigint::BigInt::from(*i)),
                (UnOp::Neg, Term::Big(b)) => Term::from_big(-(**b).clone()),
                _ => return err,
            }
        }
        ExprKind::Bin(op, a, b) => {
            let (x, y) = (eval(a)?, eval(b)?);
            bin(*op, &x, &y).ok_or(e.span)?
        }
        _ => return err,
    })
}

fn is_bool(t: &Term) -> bool {
    *t == Term::bool(true) || *t == Term::bool(false)
}

fn bin(op: BinOp, x: &Term, y: &Term) -> Option<Term> {
    let ord = || compare(x, y);
    let t = Term::bool(true);
    Some(match op {
        BinOp::Eq => Term::bool(equal(x, y)),
        BinOp::Ne => Term::bool(!equal(x, y)),
        BinOp::ExactEq => Term::bool(exact_eq(x, y)),
        BinOp::ExactNe => Term::bool(!exact_eq(x, y)),
        BinOp::Lt => Term::bool(ord() == Ordering::Less),
        BinOp::Gt => Term::bool(ord() == Ordering::Greater),
        BinOp::Le => Term::bool(ord() != Ordering::Greater),
        BinOp::Ge => Term::bool(ord() != Ordering::Less),
        BinOp::AndAlso | BinOp::And if is_bool(x) && is_bool(y) => Term::bool(*x == t && *y == t),
        BinOp::OrElse | BinOp::Or if is_bool(x) && is_bool(y) => Term::bool(*x == t || *y == t),
        BinOp::Xor if is_bool(x) && is_bool(y) => Term::bool((*x == t) != (*y == t)),
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem => {
            let (a, b) = (big(x)?, big(y)?);
            Term::from_big(match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                _ if b == num_bigint::BigInt::from(0) => return None,
                BinOp::Div => a / b,
                _ => a % b,
            })
        }
        _ => return None,
    })
}

fn big(t: &Term) -> Option<num_bigint::BigInt> {
    match t {
        Term::Int(i) => Some((*i).into()),
        Term::Big(b) => Some((**b).clone()),
        _ => None,
    }
}
