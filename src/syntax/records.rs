//! Records: a rewrite to tuples before compiling, as erl_expand_records.
//!
//! `-record(r, {a, b = 1})` makes `#r{a = X}` the tuple `{r, X, 1}` (a
//! field not named gets its default or `undefined`; in a pattern it
//! matches anything). `R#r.a` and `R#r{a = X}` check the record's tag and
//! size: in a body a mismatch is the error `{badrecord, R}`, in a guard the
//! guard fails. `#r.a` is the field's position, `is_record(R, r)` also
//! checks the size, and `record_info(fields | size, r)` are constants.
//! A record is known from its definition on, in source order; an unknown
//! record or field is a diagnostic that lists what exists.
//! Works on the tree only: it never compiles or evaluates.

use super::ast::{Clause, Expr, ExprKind, Name, Qualifier, RecordExpr, RecordField, Span};
use crate::diag::Diagnostic;
use crate::term::Atom;
use std::collections::BTreeMap;

/// One record definition: its fields in order, each with its default.
struct Def {
    span: Span,
    fields: Vec<(Atom, Option<Expr>)>,
}

impl Def {
    fn position(&self, field: Atom) -> Option<usize> {
        self.fields.iter().position(|(f, _)| *f == field)
    }

    fn field_list(&self) -> String {
        let names: Vec<&str> = self.fields.iter().map(|(f, _)| f.name()).collect();
        if names.is_empty() {
            "it has no fields".to_string()
        } else {
            format!("its fields are {}", names.join(", "))
        }
    }
}

/// Where an expression stands: what a record there turns into.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Pattern,
    Guard,
    Body,
}

/// The records defined so far in a module.
#[derive(Default)]
pub struct Records {
    defs: BTreeMap<Atom, Def>,
    /// Counts the variables the rewrite introduces, so each one is new.
    fresh: usize,
}

fn mk(kind: ExprKind, span: Span) -> Expr {
    Expr::new(kind, span)
}

fn atom(a: &str, span: Span) -> Expr {
    mk(ExprKind::Atom(Atom::new(a)), span)
}

fn int(i: usize, span: Span) -> Expr {
    mk(ExprKind::Int(i.into()), span)
}

fn var(v: &str, span: Span) -> Expr {
    mk(ExprKind::Var(v.to_string()), span)
}

/// `erlang:F(Args)`, immune to a local function of the same name.
fn erlang_call(f: &str, args: Vec<Expr>, span: Span) -> Expr {
    let callee = mk(
        ExprKind::Remote(Box::new(atom("erlang", span)), Box::new(atom(f, span))),
        span,
    );
    mk(ExprKind::Call(Box::new(callee), args), span)
}

/// What stands in for a record expression that could not be rewritten
/// (its diagnostic is already given).
fn placeholder(span: Span) -> Expr {
    atom("undefined", span)
}

impl Records {
    /// Reads `-record(Name, {Field, Field = Default, ...})`. Type
    /// annotations were already dropped by the preprocessor.
    pub fn define(&mut self, args: Vec<Expr>, span: Span, diags: &mut Vec<Diagnostic>) {
        let shape_error = |at: Span| {
            Diagnostic::error("I cannot read this record definition")
                .at(at, "expected a record name and a tuple of fields")
                .help("write it as `-record(name, {field1, field2 = Default}).`")
        };
        let mut args = args.into_iter();
        let (Some(name), Some(fields), None) = (args.next(), args.next(), args.next()) else {
            diags.push(shape_error(span));
            return;
        };
        let (ExprKind::Atom(name), ExprKind::Tuple(fields)) = (name.kind, fields.kind) else {
            diags.push(shape_error(span));
            return;
        };
        if let Some(prev) = self.defs.get(&name) {
            diags.push(
                Diagnostic::error(format!("record {} is already defined", name.name()))
                    .at(span, "defined again here")
                    .with_label(prev.span, "first defined here")
                    .help("a module defines each record once; rename one of them"),
            );
            return;
        }
        let mut def = Def {
            span,
            fields: vec![],
        };
        for f in fields {
            let (field, field_span, default) = match f.kind {
                ExprKind::Atom(a) => (a, f.span, None),
                ExprKind::Match(lhs, default) => match lhs.kind {
                    ExprKind::Atom(a) => (a, lhs.span, Some(*default)),
                    _ => {
                        diags.push(shape_error(lhs.span));
                        continue;
                    }
                },
                _ => {
                    diags.push(shape_error(f.span));
                    continue;
                }
            };
            if def.position(field).is_some() {
                diags.push(
                    Diagnostic::error(format!(
                        "field {} is defined twice in record {}",
                        field.name(),
                        name.name()
                    ))
                    .at(field_span, "defined again here")
                    .help("each field of a record has its own name"),
                );
                continue;
            }
            let default = default.map(|mut d| {
                self.expr(&mut d, Ctx::Body, diags);
                d
            });
            def.fields.push((field, default));
        }
        self.defs.insert(name, def);
    }

    /// Rewrites the records in one function clause.
    pub fn clause(&mut self, c: &mut Clause, diags: &mut Vec<Diagnostic>) {
        for p in &mut c.pats {
            self.expr(p, Ctx::Pattern, diags);
        }
        for alt in &mut c.guard {
            for t in alt {
                self.expr(t, Ctx::Guard, diags);
            }
        }
        for e in &mut c.body {
            self.expr(e, Ctx::Body, diags);
        }
    }

    fn exprs(&mut self, es: &mut [Expr], ctx: Ctx, diags: &mut Vec<Diagnostic>) {
        for e in es {
            self.expr(e, ctx, diags);
        }
    }

    fn expr(&mut self, e: &mut Expr, ctx: Ctx, diags: &mut Vec<Diagnostic>) {
        let span = e.span;
        match &mut e.kind {
            ExprKind::Record(_) => {
                let kind = std::mem::replace(&mut e.kind, ExprKind::Tuple(vec![]));
                if let ExprKind::Record(r) = kind {
                    *e = self.record(*r, span, ctx, diags);
                }
            }
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Atom(_)
            | ExprKind::Str(_)
            | ExprKind::Var(_)
            | ExprKind::FunRef(_, _) => {}
            ExprKind::Tuple(es) | ExprKind::Block(es) => self.exprs(es, ctx, diags),
            ExprKind::Binary(es) => {
                // A size in a pattern is an expression, read as a guard reads it.
                let size_ctx = if ctx == Ctx::Pattern { Ctx::Guard } else { ctx };
                for el in es {
                    self.expr(&mut el.value, ctx, diags);
                    if let Some(s) = &mut el.size {
                        self.expr(s, size_ctx, diags);
                    }
                }
            }
            ExprKind::List(es, tail) => {
                self.exprs(es, ctx, diags);
                if let Some(t) = tail {
                    self.expr(t, ctx, diags);
                }
            }
            ExprKind::Map(fs) => {
                for f in fs {
                    self.expr(&mut f.key, ctx, diags);
                    self.expr(&mut f.value, ctx, diags);
                }
            }
            ExprKind::MapUpdate(m, fs) => {
                self.expr(m, ctx, diags);
                for f in fs {
                    self.expr(&mut f.key, ctx, diags);
                    self.expr(&mut f.value, ctx, diags);
                }
            }
            ExprKind::Match(p, v) => {
                let pat_ctx = if ctx == Ctx::Guard {
                    Ctx::Guard
                } else {
                    Ctx::Pattern
                };
                self.expr(p, pat_ctx, diags);
                self.expr(v, ctx, diags);
            }
            ExprKind::Bin(_, a, b) | ExprKind::Remote(a, b) => {
                self.expr(a, ctx, diags);
                self.expr(b, ctx, diags);
            }
            ExprKind::Un(_, a) | ExprKind::Catch(a) => self.expr(a, ctx, diags),
            ExprKind::Call(f, args) => {
                self.expr(f, ctx, diags);
                self.exprs(args, ctx, diags);
                if let Some(c) = self.record_call(f, args, span, diags) {
                    *e = c;
                }
            }
            ExprKind::Case(s, cs) => {
                self.expr(s, ctx, diags);
                cs.iter_mut().for_each(|c| self.clause(c, diags));
            }
            ExprKind::If(cs) | ExprKind::Fun(_, cs) => {
                cs.iter_mut().for_each(|c| self.clause(c, diags))
            }
            ExprKind::Receive(cs, after) => {
                cs.iter_mut().for_each(|c| self.clause(c, diags));
                if let Some(a) = after {
                    self.expr(&mut a.timeout, Ctx::Body, diags);
                    self.exprs(&mut a.body, Ctx::Body, diags);
                }
            }
            ExprKind::FunRemote(m, f, a) => {
                self.expr(m, ctx, diags);
                self.expr(f, ctx, diags);
                self.expr(a, ctx, diags);
            }
            ExprKind::Try(t) => {
                self.exprs(&mut t.body, Ctx::Body, diags);
                t.of.iter_mut().for_each(|c| self.clause(c, diags));
                for c in &mut t.catches {
                    if let Some(class) = &mut c.class {
                        self.expr(class, Ctx::Pattern, diags);
                    }
                    self.expr(&mut c.pat, Ctx::Pattern, diags);
                    if let Some(s) = &mut c.stack {
                        self.expr(s, Ctx::Pattern, diags);
                    }
                    for alt in &mut c.guard {
                        self.exprs(alt, Ctx::Guard, diags);
                    }
                    self.exprs(&mut c.body, Ctx::Body, diags);
                }
                self.exprs(&mut t.after, Ctx::Body, diags);
            }
            ExprKind::ListComp(b, qs) | ExprKind::BinComp(b, qs) => {
                self.expr(b, Ctx::Body, diags);
                for q in qs {
                    match q {
                        Qualifier::Generator(p, l) | Qualifier::BinGenerator(p, l) => {
                            self.expr(p, Ctx::Pattern, diags);
                            self.expr(l, Ctx::Body, diags);
                        }
                        // A filter that is a guard expression is a guard (it
                        // filters out what makes it fail), as in erl.
                        Qualifier::Filter(f) => {
                            // Local functions are not known here; the compiler checks the
                            // rewritten filter again with them.
                            let c = if f.is_guard_expr(&|_, _| false) {
                                Ctx::Guard
                            } else {
                                Ctx::Body
                            };
                            self.expr(f, c, diags)
                        }
                    }
                }
            }
        }
    }

    /// The definition of record `name`, or a diagnostic saying it is unknown.
    fn def(&self, (name, span): Name, diags: &mut Vec<Diagnostic>) -> Option<&Def> {
        let def = self.defs.get(&name);
        if def.is_none() {
            let known: Vec<&str> = self.defs.keys().map(|a| a.name()).collect();
            let help = match crate::diag::suggest::closest(name.name(), known.iter().copied()) {
                Some(s) => format!("did you mean the record `{s}`?"),
                None => format!(
                    "define it before its first use: `-record({}, {{field1, field2}}).`",
                    name.name()
                ),
            };
            diags.push(
                Diagnostic::error(format!("record {} undefined", name.name()))
                    .at(span, "no record of this name is defined above")
                    .help(help),
            );
        }
        def
    }

    /// The position of `field` in the tuple (the tag is position 1).
    fn field_pos(
        def: &Def,
        record: Atom,
        (field, span): Name,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<usize> {
        let pos = def.position(field).map(|i| i + 2);
        if pos.is_none() {
            let mut d = Diagnostic::error(format!(
                "record {} has no field {}",
                record.name(),
                field.name()
            ))
            .at(span, "no such field")
            .with_label(
                def.span,
                format!("record {} is defined here", record.name()),
            );
            let names: Vec<&str> = def.fields.iter().map(|(f, _)| f.name()).collect();
            d = match crate::diag::suggest::closest(field.name(), names) {
                Some(s) => d.help(format!(
                    "did you mean `{s}`? record {} has no field {}; {}",
                    record.name(),
                    field.name(),
                    def.field_list()
                )),
                None => d.help(format!(
                    "record {} has no field {}; {}",
                    record.name(),
                    field.name(),
                    def.field_list()
                )),
            };
            diags.push(d);
        }
        pos
    }

    fn fresh_var(&mut self, span: Span) -> Expr {
        self.fresh += 1;
        // `#` cannot appear in a variable written in source, so no clash.
        var(&format!("_Rec#{}", self.fresh), span)
    }

    fn record(&mut self, r: RecordExpr, span: Span, ctx: Ctx, diags: &mut Vec<Diagnostic>) -> Expr {
        match r {
            RecordExpr::Index { name, field } => {
                let Some(def) = self.def(name, diags) else {
                    return placeholder(span);
                };
                match Self::field_pos(def, name.0, field, diags) {
                    Some(pos) => int(pos, span),
                    None => placeholder(span),
                }
            }
            RecordExpr::Build {
                base: None,
                name,
                mut fields,
            } => {
                for f in &mut fields {
                    self.expr(&mut f.value, ctx, diags);
                }
                self.build(name, fields, span, ctx, diags)
                    .unwrap_or_else(|| placeholder(span))
            }
            RecordExpr::Build {
                base: Some(mut base),
                name,
                mut fields,
            } => {
                self.expr(&mut base, ctx, diags);
                for f in &mut fields {
                    self.expr(&mut f.value, ctx, diags);
                }
                if ctx != Ctx::Body {
                    let (what, help) = if ctx == Ctx::Pattern {
                        ("a pattern", "match the record with `#name{field = Var}` and build the new one in the body")
                    } else {
                        ("a guard", "compare single fields in the guard, `R#name.field =:= V`, or update the record in the body")
                    };
                    diags.push(
                        Diagnostic::error(format!("a record update cannot be used in {what}"))
                            .at(span, "an update")
                            .help(help),
                    );
                    return placeholder(span);
                }
                self.update(base, name, fields, span, diags)
                    .unwrap_or_else(|| placeholder(span))
            }
            RecordExpr::Field {
                mut base,
                name,
                field,
            } => {
                self.expr(&mut base, ctx, diags);
                let Some(def) = self.def(name, diags) else {
                    return placeholder(span);
                };
                let size = def.fields.len() + 1;
                let Some(pos) = Self::field_pos(def, name.0, field, diags) else {
                    return placeholder(span);
                };
                match ctx {
                    Ctx::Pattern => {
                        diags.push(
                            Diagnostic::error("a record field access cannot be a pattern")
                                .at(span, "reads a field; it matches nothing")
                                .help(format!(
                                    "to take the field apart, match `#{}{{{} = Var}}`",
                                    name.0.name(),
                                    field.0.name()
                                )),
                        );
                        placeholder(span)
                    }
                    // erlang:element(Pos, erlang:is_record(B, r, Size) andalso B):
                    // a base that is no such record makes `element` fail, and
                    // with it the guard.
                    Ctx::Guard => {
                        let check = erlang_call(
                            "is_record",
                            vec![base.clone(), atom(name.0.name(), name.1), int(size, span)],
                            span,
                        );
                        let checked = mk(
                            ExprKind::Bin(
                                super::ast::BinOp::AndAlso,
                                Box::new(check),
                                Box::new(base),
                            ),
                            span,
                        );
                        erlang_call("element", vec![int(pos, span), checked], span)
                    }
                    Ctx::Body => {
                        let v = self.fresh_var(span);
                        let elems = (1..=size)
                            .map(|i| match i {
                                1 => atom(name.0.name(), name.1),
                                i if i == pos => v.clone(),
                                _ => var("_", span),
                            })
                            .collect();
                        let pat = mk(ExprKind::Tuple(elems), span);
                        self.case_or_badrecord(base, pat, v, span)
                    }
                }
            }
        }
    }

    /// `case Base of Pat -> Then; Other -> erlang:error({badrecord, Other}) end`.
    fn case_or_badrecord(&mut self, base: Expr, pat: Expr, then: Expr, span: Span) -> Expr {
        let other = self.fresh_var(span);
        let reason = mk(
            ExprKind::Tuple(vec![atom("badrecord", span), other.clone()]),
            span,
        );
        let clause = |pats: Vec<Expr>, body: Expr| Clause {
            pats,
            guard: vec![],
            body: vec![body],
            span,
        };
        mk(
            ExprKind::Case(
                Box::new(base),
                vec![
                    clause(vec![pat], then),
                    clause(vec![other], erlang_call("error", vec![reason], span)),
                ],
            ),
            span,
        )
    }

    /// The values given for each field (by position), checking names;
    /// None after a diagnostic.
    fn given(
        def: &Def,
        record: Atom,
        fields: Vec<RecordField>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(BTreeMap<usize, Expr>, Option<Expr>)> {
        let mut by_pos: BTreeMap<usize, Expr> = BTreeMap::new();
        let mut rest = None;
        let mut ok = true;
        for f in fields {
            match f.name {
                None => rest = Some(f.value),
                Some((field, fspan)) => match Self::field_pos(def, record, (field, fspan), diags) {
                    Some(pos) if by_pos.contains_key(&pos) => {
                        diags.push(
                            Diagnostic::error(format!(
                                "field {} is given twice in this record {}",
                                field.name(),
                                record.name()
                            ))
                            .at(fspan, "given again here")
                            .help("give each field at most once"),
                        );
                        ok = false;
                    }
                    Some(pos) => {
                        by_pos.insert(pos, f.value);
                    }
                    None => ok = false,
                },
            }
        }
        ok.then_some((by_pos, rest))
    }

    /// `#r{...}`: a tuple; a field not named gets `_ = V`'s value if given,
    /// else its default (`_` in a pattern).
    fn build(
        &mut self,
        name: Name,
        fields: Vec<RecordField>,
        span: Span,
        ctx: Ctx,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Expr> {
        let def = self.def(name, diags)?;
        let (mut by_pos, rest) = Self::given(def, name.0, fields, diags)?;
        let mut elems = vec![atom(name.0.name(), name.1)];
        for (i, (_, default)) in def.fields.iter().enumerate() {
            let value = match (by_pos.remove(&(i + 2)), &rest, default) {
                (Some(v), _, _) => v,
                (None, Some(r), _) => r.clone(),
                (None, None, _) if ctx == Ctx::Pattern => var("_", span),
                (None, None, Some(d)) => d.clone(),
                (None, None, None) => atom("undefined", span),
            };
            elems.push(value);
        }
        Some(mk(ExprKind::Tuple(elems), span))
    }

    /// `Base#r{f = V}`: the new values are computed first, then
    /// `case Base of {r, X1, _, X3} -> {r, X1, V, X3}; ... badrecord ... end`.
    fn update(
        &mut self,
        base: Expr,
        name: Name,
        fields: Vec<RecordField>,
        span: Span,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Expr> {
        if let Some(f) = fields.iter().find(|f| f.name.is_none()) {
            diags.push(
                Diagnostic::error(format!(
                    "meaningless use of _ in update of record {}",
                    name.0.name()
                ))
                .at(f.value.span, "`_ = ...` here")
                .help("`_ = V` sets the fields not named when a record is built; an update keeps them as they are"),
            );
            return None;
        }
        let def = self.def(name, diags)?;
        let size = def.fields.len() + 1;
        let (by_pos, _) = Self::given(def, name.0, fields, diags)?;
        let mut pre = vec![];
        let mut new_values = BTreeMap::new();
        for (pos, v) in by_pos {
            let simple = matches!(
                v.kind,
                ExprKind::Var(_) | ExprKind::Atom(_) | ExprKind::Int(_) | ExprKind::Float(_)
            );
            if simple {
                new_values.insert(pos, v);
            } else {
                let x = self.fresh_var(v.span);
                pre.push(mk(ExprKind::Match(Box::new(x.clone()), Box::new(v)), span));
                new_values.insert(pos, x);
            }
        }
        let mut pat = vec![atom(name.0.name(), name.1)];
        let mut built = vec![atom(name.0.name(), name.1)];
        for pos in 2..=size {
            match new_values.remove(&pos) {
                Some(v) => {
                    pat.push(var("_", span));
                    built.push(v);
                }
                None => {
                    let x = self.fresh_var(span);
                    pat.push(x.clone());
                    built.push(x);
                }
            }
        }
        let case = self.case_or_badrecord(
            base,
            mk(ExprKind::Tuple(pat), span),
            mk(ExprKind::Tuple(built), span),
            span,
        );
        if pre.is_empty() {
            return Some(case);
        }
        pre.push(case);
        Some(mk(ExprKind::Block(pre), span))
    }

    /// `is_record(R, r)` (with the size added) and `record_info(What, r)`;
    /// None for any other call.
    fn record_call(
        &mut self,
        f: &Expr,
        args: &[Expr],
        span: Span,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Expr> {
        let ExprKind::Atom(fname) = &f.kind else {
            return None;
        };
        match (fname.name(), args) {
            ("is_record", [_, rec]) => {
                let ExprKind::Atom(r) = rec.kind else {
                    return None;
                };
                let size = self.def((r, rec.span), diags).map(|d| d.fields.len() + 1);
                let mut args = args.to_vec();
                args.push(int(size.unwrap_or(0), rec.span));
                Some(mk(ExprKind::Call(Box::new(f.clone()), args), span))
            }
            ("record_info", [what, rec]) => {
                let (ExprKind::Atom(w), ExprKind::Atom(r)) = (&what.kind, &rec.kind) else {
                    diags.push(
                        Diagnostic::error("record_info/2 needs two atoms")
                            .at(span, "not known before running")
                            .help("write `record_info(fields, name)` or `record_info(size, name)`"),
                    );
                    return Some(placeholder(span));
                };
                let Some(def) = self.def((*r, rec.span), diags) else {
                    return Some(placeholder(span));
                };
                match w.name() {
                    "size" => Some(int(def.fields.len() + 1, span)),
                    "fields" => {
                        let names = def
                            .fields
                            .iter()
                            .map(|(f, _)| atom(f.name(), span))
                            .collect();
                        Some(mk(ExprKind::List(names, None), span))
                    }
                    _ => {
                        diags.push(
                            Diagnostic::error(format!("record_info/2 knows no `{}`", w.name()))
                                .at(what.span, "expected `fields` or `size`")
                                .help("write `record_info(fields, name)` or `record_info(size, name)`"),
                        );
                        Some(placeholder(span))
                    }
                }
            }
            _ => None,
        }
    }
}
