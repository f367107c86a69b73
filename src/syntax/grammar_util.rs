//! Helpers the grammar's actions call, so the `.lalrpop` file stays
//! declarative: node construction, spans and the small rewrites
//! (`Class:Reason:Stack`, fun references) that erl_parse also does by hand.

use super::ast::*;
use crate::term::Atom;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// Lexical errors never reach the parser (the driver reports them first),
/// so this type has no values the parser produces.
#[derive(Clone, Debug, PartialEq)]
pub struct LexError;

pub fn push<T>(mut v: Vec<T>, e: T) -> Vec<T> {
    v.push(e);
    v
}

pub fn span(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

pub fn atom(s: &str) -> Atom {
    Atom::new(s)
}

pub fn mk(kind: ExprKind, l: usize, r: usize) -> Expr {
    Expr::new(kind, span(l, r))
}

pub fn record(r: RecordExpr, l: usize, r_: usize) -> Expr {
    mk(ExprKind::Record(Box::new(r)), l, r_)
}

/// `_ = V` in a record sets every field not named; any other variable
/// stands for a field of that name, which no record has.
pub fn record_field_var(name: String, l: usize, r: usize, value: Expr) -> RecordField {
    let name = (name != "_").then(|| (atom(&name), span(l, r)));
    RecordField { name, value }
}

pub fn bin(op: BinOp, a: Expr, b: Expr, l: usize, r: usize) -> Expr {
    mk(ExprKind::Bin(op, Box::new(a), Box::new(b)), l, r)
}

pub fn un(op: UnOp, e: Expr, l: usize, r: usize) -> Expr {
    mk(ExprKind::Un(op, Box::new(e)), l, r)
}

pub fn bin_element(
    value: Expr,
    size: Option<Expr>,
    types: Option<Vec<TypeSpecifier>>,
    l: usize,
    r: usize,
) -> BinElement {
    BinElement {
        value,
        size,
        types: types.unwrap_or_default(),
        span: span(l, r),
    }
}

pub fn type_specifier(name: String, arg: Option<BigInt>, l: usize, r: usize) -> TypeSpecifier {
    TypeSpecifier {
        name,
        arg,
        span: span(l, r),
    }
}

pub fn clause(
    pats: Vec<Expr>,
    guard: Option<Guard>,
    body: Vec<Expr>,
    l: usize,
    r: usize,
) -> Clause {
    Clause {
        pats,
        guard: guard.unwrap_or_default(),
        body,
        span: span(l, r),
    }
}

pub fn fun_ref(name: &str, arity: BigInt, l: usize, r: usize) -> Expr {
    let arity = arity.to_u32().unwrap_or(u32::MAX);
    mk(ExprKind::FunRef(atom(name), arity), l, r)
}

/// All clauses of a fun share one optional name (checked by the compiler).
pub fn fun_expr(cs: Vec<(Option<String>, Clause)>, l: usize, r: usize) -> Expr {
    let name = cs.first().and_then(|(n, _)| n.clone());
    let clauses = cs.into_iter().map(|(_, c)| c).collect();
    mk(ExprKind::Fun(name, clauses), l, r)
}

pub fn try_expr(
    body: Vec<Expr>,
    of: Option<Vec<Clause>>,
    (catches, after): (Vec<CatchClause>, Vec<Expr>),
    l: usize,
    r: usize,
) -> Expr {
    mk(
        ExprKind::Try(Box::new(Try {
            body,
            of: of.unwrap_or_default(),
            catches,
            after,
        })),
        l,
        r,
    )
}

/// Marks `C:P:S` so `catch_clause` can take it apart; anywhere else the
/// compiler reports it as a misplaced stack-trace pattern.
pub fn class_pattern_stack(c: Expr, p: Expr, s: Expr, l: usize, r: usize) -> Expr {
    let inner_span = p.span.to(s.span);
    let inner = Expr::new(ExprKind::Remote(Box::new(p), Box::new(s)), inner_span);
    mk(ExprKind::Remote(Box::new(c), Box::new(inner)), l, r)
}

pub fn catch_clause(
    head: Expr,
    guard: Option<Guard>,
    body: Vec<Expr>,
    l: usize,
    r: usize,
) -> CatchClause {
    let guard = guard.unwrap_or_default();
    let span = span(l, r);
    match head.kind {
        ExprKind::Remote(class, rest) => match rest.kind {
            ExprKind::Remote(pat, stack) => CatchClause {
                class: Some(*class),
                pat: *pat,
                stack: Some(*stack),
                guard,
                body,
                span,
            },
            kind => CatchClause {
                class: Some(*class),
                pat: Expr::new(kind, rest.span),
                stack: None,
                guard,
                body,
                span,
            },
        },
        kind => CatchClause {
            class: None,
            pat: Expr::new(kind, head.span),
            stack: None,
            guard,
            body,
            span,
        },
    }
}
