//! Code generation for expressions, guards and control flow.

use super::func::FnBuilder;
use super::scope::{Scope, VarState};
use crate::diag::Diagnostic;
use crate::syntax::ast::{
    BinOp, CatchClause, Clause, Expr, ExprKind, Guard, Qualifier, Span, UnOp,
};
use crate::term::{atoms, Atom, Term};
use crate::vm::op::{Arith, Cmp, Label, MatchError, Op, Reg, Src};

pub fn cmp_of(op: BinOp) -> Option<Cmp> {
    Some(match op {
        BinOp::Eq => Cmp::Eq,
        BinOp::Ne => Cmp::Ne,
        BinOp::ExactEq => Cmp::ExactEq,
        BinOp::ExactNe => Cmp::ExactNe,
        BinOp::Lt => Cmp::Lt,
        BinOp::Gt => Cmp::Gt,
        BinOp::Le => Cmp::Le,
        BinOp::Ge => Cmp::Ge,
        _ => return None,
    })
}

fn arith_of(op: BinOp) -> Option<Arith> {
    Some(match op {
        BinOp::Add => Arith::Add,
        BinOp::Sub => Arith::Sub,
        BinOp::Mul => Arith::Mul,
        BinOp::Fdiv => Arith::Fdiv,
        BinOp::Div => Arith::Div,
        BinOp::Rem => Arith::Rem,
        BinOp::Band => Arith::Band,
        BinOp::Bor => Arith::Bor,
        BinOp::Bxor => Arith::Bxor,
        BinOp::Bsl => Arith::Bsl,
        BinOp::Bsr => Arith::Bsr,
        _ => return None,
    })
}

/// A literal's value, when the expression is one.
pub fn literal(e: &Expr) -> Option<Term> {
    Some(match &e.kind {
        ExprKind::Int(i) => Term::from_big(i.clone()),
        ExprKind::Float(f) => Term::Float(*f),
        ExprKind::Atom(a) => Term::Atom(*a),
        ExprKind::Str(s) => Term::string(s),
        ExprKind::Un(UnOp::Neg, x) => match &x.kind {
            ExprKind::Int(i) => Term::from_big(-i.clone()),
            ExprKind::Float(f) => Term::Float(-*f),
            _ => crate::vm::arith::negate(&number(x)?).ok()?,
        },
        ExprKind::Un(UnOp::Plus, x) => number(x)?,
        // Arithmetic on numbers is a constant, and a valid pattern, as in erl.
        ExprKind::Bin(op, a, b) => {
            crate::vm::arith::arith(arith_of(*op)?, &number(a)?, &number(b)?).ok()?
        }
        ExprKind::Map(fields) if fields.iter().all(|f| !f.exact) => {
            let mut m = crate::term::TermMap::new();
            for f in fields {
                crate::term::map_set(&mut m, literal(&f.key)?, literal(&f.value)?);
            }
            Term::Map(std::rc::Rc::new(m))
        }
        ExprKind::Tuple(es) => Term::tuple(es.iter().map(literal).collect::<Option<Vec<_>>>()?),
        ExprKind::Binary(es) => super::binary::literal(es)?,
        ExprKind::List(es, tail) => {
            let t = match tail {
                Some(t) => literal(t)?,
                None => Term::Nil,
            };
            Term::list_with_tail(es.iter().map(literal).collect::<Option<Vec<_>>>()?, t)
        }
        _ => return None,
    })
}

/// A constant number: a literal, or arithmetic on constant numbers.
fn number(e: &Expr) -> Option<Term> {
    literal(e).filter(|t| matches!(t, Term::Int(_) | Term::Big(_) | Term::Float(_)))
}

impl FnBuilder<'_> {
    /// Compiles `e` for its value.
    pub fn expr(&mut self, e: &Expr) -> Src {
        let span = e.span;
        self.at(span, |b| b.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &Expr) -> Src {
        if let Some(t) = literal(e) {
            return Src::Const(t);
        }
        match &e.kind {
            ExprKind::Var(v) => self.use_var(v, e.span),
            ExprKind::Tuple(es) => {
                let elems: Vec<Src> = es.iter().map(|x| self.expr(x)).collect();
                let dst = self.temp();
                self.emit(Op::Tuple {
                    dst,
                    elems: elems.into(),
                });
                Src::Reg(dst)
            }
            ExprKind::List(es, tail) => {
                let items: Vec<Src> = es.iter().map(|x| self.expr(x)).collect();
                let mut acc = match tail {
                    Some(t) => self.expr(t),
                    None => Src::Const(Term::Nil),
                };
                for it in items.into_iter().rev() {
                    let dst = self.temp();
                    self.emit(Op::Cons {
                        dst,
                        head: it,
                        tail: acc,
                    });
                    acc = Src::Reg(dst);
                }
                acc
            }
            ExprKind::Map(fields) => {
                let mut pairs = vec![];
                for f in fields {
                    if f.exact {
                        self.error(
                            Diagnostic::error("`:=` can only update a key that exists")
                                .at(f.span, "a new map has no keys to update")
                                .help("use `=>` to build a new map: `#{key => Value}`"),
                        );
                    }
                    let k = self.expr(&f.key);
                    let v = self.expr(&f.value);
                    pairs.push((k, v));
                }
                let dst = self.temp();
                self.emit(Op::MapNew {
                    dst,
                    pairs: pairs.into(),
                });
                Src::Reg(dst)
            }
            ExprKind::MapUpdate(m, fields) => {
                let map = self.expr(m);
                let pairs: Vec<(Src, Src, bool)> = fields
                    .iter()
                    .map(|f| (self.expr(&f.key), self.expr(&f.value), f.exact))
                    .collect();
                let dst = self.temp();
                self.emit(Op::MapUpdate {
                    dst,
                    map,
                    pairs: pairs.into(),
                });
                Src::Reg(dst)
            }
            ExprKind::Match(p, v) => self.match_expr(p, v, e.span),
            ExprKind::Bin(op, a, b) => self.binop(*op, a, b),
            ExprKind::Un(op, x) => self.unop(*op, x),
            ExprKind::Remote(_, _) => {
                self.error(
                    Diagnostic::error("a `module:function` needs arguments here")
                        .at(e.span, "not a call")
                        .help("call it with parentheses, `m:f(Args)`, or make a fun with `fun m:f/Arity`"),
                );
                Src::Const(Term::Nil)
            }
            ExprKind::Call(callee, args) => {
                let dst = self.temp();
                self.call(callee, args, Some(dst), e.span);
                Src::Reg(dst)
            }
            ExprKind::Case(scrut, clauses) => {
                let dst = self.temp();
                let v = self.expr(scrut);
                self.case(
                    v,
                    clauses,
                    Some(dst),
                    "case",
                    e.span,
                    MatchError::CaseClause,
                );
                Src::Reg(dst)
            }
            ExprKind::If(clauses) => {
                let dst = self.temp();
                self.if_expr(clauses, Some(dst), e.span);
                Src::Reg(dst)
            }
            ExprKind::Receive(clauses, after) => {
                let dst = self.temp();
                self.receive(clauses, after.as_ref(), Some(dst), e.span);
                Src::Reg(dst)
            }
            ExprKind::Block(body) => {
                let mut last = Src::Const(Term::ok());
                for x in body {
                    last = self.expr(x);
                }
                last
            }
            ExprKind::Fun(name, clauses) => self.fun_expr(name.as_deref(), clauses, e.span),
            ExprKind::FunRef(name, arity) => self.fun_ref(*name, *arity, e.span),
            ExprKind::FunRemote(m, f, a) => {
                let module = self.expr(m);
                let function = self.expr(f);
                let arity = self.expr(a);
                let dst = self.temp();
                self.emit(Op::MakeExportFun {
                    dst,
                    module,
                    function,
                    arity,
                });
                Src::Reg(dst)
            }
            ExprKind::Try(t) => self.try_expr(&t.body, &t.of, &t.catches, &t.after, e.span),
            ExprKind::Catch(x) => self.catch_expr(x, e.span),
            ExprKind::ListComp(body, quals) => self.list_comp(body, quals, e.span),
            ExprKind::Record(_) => {
                self.record_in_shell(e.span);
                Src::Const(Term::Nil)
            }
            ExprKind::Binary(es) => self.binary_expr(es),
            ExprKind::BinComp(body, quals) => self.bin_comp(body, quals),
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Atom(_) | ExprKind::Str(_) => {
                Src::Const(Term::Nil)
            }
        }
    }

    fn use_var(&mut self, v: &str, span: Span) -> Src {
        if v == "_" {
            self.error(
                Diagnostic::error("`_` can only be used in patterns")
                    .at(span, "`_` has no value")
                    .help("`_` matches anything but binds nothing; use a named variable to refer to a value"),
            );
            return Src::Const(Term::Nil);
        }
        match self.scope.get(v).cloned() {
            Some((slot, VarState::Bound)) => Src::Reg(slot),
            Some((
                slot,
                VarState::Unsafe {
                    construct,
                    span: cspan,
                },
            )) => {
                self.error(
                    Diagnostic::error(format!("variable `{v}` is unsafe in `{construct}`"))
                        .at(span, format!("`{v}` is used here"))
                        .with_label(cspan, format!("`{v}` is bound in only some branches of this `{construct}`"))
                        .help(format!(
                            "bind `{v}` in every branch, or make the `{construct}` return it: `{v} = {construct} ... end`"
                        )),
                );
                Src::Reg(slot)
            }
            None => {
                let mut d = Diagnostic::error(format!("variable `{v}` is unbound"))
                    .at(span, format!("`{v}` has no value here"));
                let names: Vec<String> = self.scope.bound_names().map(str::to_string).collect();
                d = match crate::diag::suggest::closest(v, names.iter().map(String::as_str)) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help(format!("bind `{v}` before using it, e.g. `{v} = ...`; variables start with a capital letter, atoms with a lowercase one")),
                };
                self.error(d);
                Src::Const(Term::Nil)
            }
        }
    }

    fn match_expr(&mut self, p: &Expr, v: &Expr, span: Span) -> Src {
        if self.in_guard {
            self.error(
                Diagnostic::error("a guard cannot match with `=`")
                    .at(span, "`=` binds variables, which guards never do")
                    .help("to compare, write `==` (equal numbers) or `=:=` (exactly equal)"),
            );
            return Src::Const(Term::bool(false));
        }
        let val = self.expr(v);
        let fail = self.label();
        let ok = self.label();
        self.pattern(p, val.clone(), fail);
        self.emit(Op::Jump { to: ok });
        self.place(fail);
        self.emit(Op::Fail {
            error: MatchError::Badmatch,
            value: val.clone(),
        });
        self.place(ok);
        val
    }

    fn binop(&mut self, op: BinOp, a: &Expr, b: &Expr) -> Src {
        match op {
            BinOp::Send => {
                let to = self.expr(a);
                let msg = self.expr(b);
                let dst = self.temp();
                self.emit(Op::Send { dst, to, msg });
                Src::Reg(dst)
            }
            BinOp::AndAlso | BinOp::OrElse => self.short_circuit(op == BinOp::AndAlso, a, b),
            _ => {
                self.warn_atom_arith(op, a, b);
                let x = self.expr(a);
                let y = self.expr(b);
                let dst = self.temp();
                if let Some(cmp) = cmp_of(op) {
                    self.emit(Op::Compare {
                        dst,
                        cmp,
                        a: x,
                        b: y,
                    });
                } else if let Some(ar) = arith_of(op) {
                    let fail = self.guard_fail;
                    self.emit(Op::Arith {
                        dst,
                        op: ar,
                        a: x,
                        b: y,
                        fail,
                    });
                } else {
                    let name = op.text();
                    self.bif_call(dst, "erlang", name, vec![x, y]);
                }
                Src::Reg(dst)
            }
        }
    }

    fn warn_atom_arith(&mut self, op: BinOp, a: &Expr, b: &Expr) {
        if arith_of(op).is_none() {
            return;
        }
        let atoms: Vec<&Expr> = [a, b]
            .into_iter()
            .filter(|x| matches!(x.kind, ExprKind::Atom(_)))
            .collect();
        if let Some(first) = atoms.first() {
            let ExprKind::Atom(name) = first.kind else {
                return;
            };
            let n = name.name();
            let mut cap = n.to_string();
            if let Some(c) = cap.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            // erlc compiles this with a warning and it fails when it runs
            // (`badarith`); so does pidlab.
            self.error(
                Diagnostic::warning(format!(
                    "`{}` cannot be applied to the atom `{n}`: this fails with `badarith` when it runs",
                    op.text()
                ))
                .at(first.span, format!("`{n}` is an atom, not a number"))
                .help(format!(
                    "variables start with a capital letter: did you mean the variable `{cap}`?"
                )),
            );
        }
    }

    fn short_circuit(&mut self, is_and: bool, a: &Expr, b: &Expr) -> Src {
        let dst = self.temp();
        let x = self.expr(a);
        let (go_on, stop) = if is_and { (true, false) } else { (false, true) };
        let not_go = self.label();
        let bad = self.label();
        let end = self.label();
        self.emit(Op::TestExact {
            a: x.clone(),
            b: Src::Const(Term::bool(go_on)),
            fail: not_go,
        });
        // The right side is evaluated in a scope of its own: what it binds is unsafe after.
        let before = self.scope.clone();
        let y = self.expr(b);
        self.mov(dst, y);
        let after = self.scope.clone();
        self.scope = Scope::merge(
            &before,
            &[after],
            if is_and { "andalso" } else { "orelse" },
            a.span.to(b.span),
            true,
        );
        self.emit(Op::Jump { to: end });
        self.place(not_go);
        self.emit(Op::TestExact {
            a: x.clone(),
            b: Src::Const(Term::bool(stop)),
            fail: bad,
        });
        self.emit(Op::Move {
            dst,
            src: Src::Const(Term::bool(stop)),
        });
        self.emit(Op::Jump { to: end });
        self.place(bad);
        match self.guard_fail {
            Some(f) => self.emit(Op::Jump { to: f }),
            None => {
                let r = self.temp();
                self.emit(Op::Tuple {
                    dst: r,
                    elems: vec![Src::Const(Term::Atom(atoms::badarg())), x].into(),
                });
                self.emit(Op::Raise {
                    class: atoms::error(),
                    reason: Src::Reg(r),
                });
            }
        }
        self.place(end);
        Src::Reg(dst)
    }

    /// Records are rewritten to tuples in modules; shell input defines none.
    pub fn record_in_shell(&mut self, span: Span) {
        self.error(
            Diagnostic::error("records cannot be used in the shell")
                .at(span, "record syntax")
                .help("use records inside a module that defines them with `-record(...)`; in the shell, write the tuple `{name, Field1, ...}`"),
        );
    }

    fn unop(&mut self, op: UnOp, x: &Expr) -> Src {
        let v = self.expr(x);
        let dst = self.temp();
        let name = match op {
            UnOp::Neg => "-",
            UnOp::Plus => "+",
            UnOp::Bnot => "bnot",
            UnOp::Not => "not",
        };
        self.bif_call(dst, "erlang", name, vec![v]);
        Src::Reg(dst)
    }

    /// Emits a call to a Rust built-in known to exist.
    pub fn bif_call(&mut self, dst: Reg, module: &str, name: &str, args: Vec<Src>) {
        match crate::bif::lookup(module, name, args.len()) {
            Some(bif) => {
                let fail = self.guard_fail;
                self.emit(Op::Bif {
                    dst,
                    bif,
                    args: args.into(),
                    fail,
                });
            }
            None => {
                let (m, f) = (Atom::new(module), Atom::new(name));
                self.emit(Op::CallExt {
                    dst,
                    module: m,
                    function: f,
                    args: args.into(),
                });
            }
        }
    }

    /// Compiles `e` in tail position: calls become tail calls, others return.
    pub fn tail(&mut self, e: &Expr) {
        let span = e.span;
        self.at(span, |b| match &e.kind {
            ExprKind::Call(callee, args) => b.call(callee, args, None, span),
            ExprKind::Case(scrut, clauses) => {
                let v = b.expr(scrut);
                b.case(v, clauses, None, "case", span, MatchError::CaseClause);
            }
            ExprKind::If(clauses) => b.if_expr(clauses, None, span),
            ExprKind::Receive(clauses, after) => b.receive(clauses, after.as_ref(), None, span),
            ExprKind::Block(body) => b.body_tail(body),
            _ => {
                let v = b.expr(e);
                b.emit(Op::Return { src: v });
            }
        })
    }

    /// A clause body, into `dst` or in tail position when `dst` is None.
    pub fn clause_body(&mut self, body: &[Expr], dst: Option<Reg>) {
        match dst {
            Some(d) => self.body_into(body, d),
            None => self.body_tail(body),
        }
    }

    /// Guards: alternatives separated by `;`, tests by `,`. Jumps to `fail`
    /// when no alternative holds. Errors inside a guard make it false.
    pub fn guard(&mut self, g: &Guard, fail: Label) {
        if g.is_empty() {
            return;
        }
        let saved = (self.guard_fail, self.in_guard);
        self.in_guard = true;
        let ok = self.label();
        for (i, alt) in g.iter().enumerate() {
            let next = if i + 1 == g.len() { fail } else { self.label() };
            self.guard_fail = Some(next);
            for t in alt {
                self.guard_test(t, next);
            }
            self.emit(Op::Jump { to: ok });
            if i + 1 < g.len() {
                self.place(next);
            }
        }
        self.place(ok);
        (self.guard_fail, self.in_guard) = saved;
    }

    fn guard_test(&mut self, t: &Expr, fail: Label) {
        let span = t.span;
        self.at(span, |b| {
            if let ExprKind::Bin(op, x, y) = &t.kind {
                if let Some(cmp) = cmp_of(*op) {
                    let a = b.expr(x);
                    let c = b.expr(y);
                    b.emit(Op::Test { cmp, a, b: c, fail });
                    return;
                }
            }
            if let ExprKind::Atom(a) = &t.kind {
                if *a == atoms::true_() {
                    return;
                }
            }
            let v = b.expr(t);
            b.emit(Op::TestTrue { src: v, fail });
        })
    }

    /// Matches `v` against clauses; on no match raises `error(v)`.
    pub fn case(
        &mut self,
        v: Src,
        clauses: &[Clause],
        dst: Option<Reg>,
        construct: &'static str,
        span: Span,
        error: MatchError,
    ) {
        let end = self.label();
        let before = self.scope.clone();
        let mut outs = vec![];
        for c in clauses {
            self.scope = before.clone();
            let next = self.label();
            self.span = c.span;
            if let Some(p) = c.pats.first() {
                self.warn_bound_clause_var(p, construct);
                self.pattern(p, v.clone(), next);
            }
            self.guard(&c.guard, next);
            self.clause_body(&c.body, dst);
            outs.push(self.scope.clone());
            if dst.is_some() {
                self.emit(Op::Jump { to: end });
            }
            self.place(next);
        }
        self.span = span;
        self.emit(Op::Fail { error, value: v });
        self.place(end);
        self.scope = Scope::merge(&before, &outs, construct, span, false);
    }

    /// A clause whose whole pattern is an already-bound variable compares
    /// with it; students often mean to bind a new one.
    fn warn_bound_clause_var(&mut self, p: &Expr, construct: &str) {
        if let ExprKind::Var(name) = &p.kind {
            if self.scope.is_bound(name) {
                self.error(
                    Diagnostic::warning(format!("`{name}` is already bound, so this clause only matches a value equal to it"))
                        .at(p.span, format!("compares with the `{name}` bound earlier"))
                        .help(format!("to match anything here, use a new variable name (or `_`); to compare on purpose, write `V when V =:= {name}`"))
                        .note(format!("in a `{construct}` pattern, a bound variable is a test, not a new binding")),
                );
            }
        }
    }

    fn if_expr(&mut self, clauses: &[Clause], dst: Option<Reg>, span: Span) {
        let end = self.label();
        let before = self.scope.clone();
        let mut outs = vec![];
        for c in clauses {
            self.scope = before.clone();
            let next = self.label();
            self.span = c.span;
            self.guard(&c.guard, next);
            self.clause_body(&c.body, dst);
            outs.push(self.scope.clone());
            if dst.is_some() {
                self.emit(Op::Jump { to: end });
            }
            self.place(next);
        }
        self.span = span;
        self.emit(Op::Fail {
            error: MatchError::IfClause,
            value: Src::Const(Term::Nil),
        });
        self.place(end);
        self.scope = Scope::merge(&before, &outs, "if", span, false);
    }

    fn receive(
        &mut self,
        clauses: &[Clause],
        after: Option<&crate::syntax::ast::After>,
        dst: Option<Reg>,
        span: Span,
    ) {
        let end = self.label();
        let top = self.label();
        let wait = self.label();
        let msg = self.temp();
        let before = self.scope.clone();
        let mut outs = vec![];
        self.place(top);
        self.emit(Op::RecvPeek {
            dst: msg,
            empty: wait,
        });
        for c in clauses {
            self.scope = before.clone();
            let next = self.label();
            self.span = c.span;
            if let Some(p) = c.pats.first() {
                self.pattern(p, Src::Reg(msg), next);
            }
            self.guard(&c.guard, next);
            self.emit(Op::RecvAccept);
            self.clause_body(&c.body, dst);
            outs.push(self.scope.clone());
            if dst.is_some() {
                self.emit(Op::Jump { to: end });
            }
            self.place(next);
        }
        self.span = span;
        self.emit(Op::RecvSkip { next: top });
        self.place(wait);
        match after {
            Some(a) => {
                self.scope = before.clone();
                let t = self.expr(&a.timeout);
                self.emit(Op::RecvWait {
                    retry: top,
                    timeout: Some(t),
                });
                self.clause_body(&a.body, dst);
                outs.push(self.scope.clone());
            }
            None => self.emit(Op::RecvWait {
                retry: top,
                timeout: None,
            }),
        }
        self.place(end);
        self.scope = Scope::merge(&before, &outs, "receive", span, false);
    }

    fn catch_expr(&mut self, x: &Expr, _span: Span) -> Src {
        let dst = self.temp();
        let (c, r, s) = (self.temp(), self.temp(), self.temp());
        let handler = self.label();
        let end = self.label();
        let before = self.scope.clone();
        self.emit(Op::TryBegin {
            handler,
            class: c,
            reason: r,
            stack: s,
        });
        let v = self.expr(x);
        self.mov(dst, v);
        self.emit(Op::TryEnd);
        self.emit(Op::Jump { to: end });
        self.place(handler);
        self.emit(Op::CatchValue {
            dst,
            class: c,
            reason: r,
            stack: s,
        });
        self.place(end);
        let after = self.scope.clone();
        self.scope = Scope::merge(&before, &[after], "catch", x.span, true);
        Src::Reg(dst)
    }

    fn try_expr(
        &mut self,
        body: &[Expr],
        of: &[Clause],
        catches: &[CatchClause],
        after: &[Expr],
        span: Span,
    ) -> Src {
        let dst = self.temp();
        let before = self.scope.clone();
        let (ac, ar, ast) = (self.temp(), self.temp(), self.temp());
        let after_handler = self.label();
        if !after.is_empty() {
            self.emit(Op::TryBegin {
                handler: after_handler,
                class: ac,
                reason: ar,
                stack: ast,
            });
        }
        let done = self.label();
        let (c, r, s) = (self.temp(), self.temp(), self.temp());
        let handler = self.label();
        let catching = !catches.is_empty();
        if catching {
            self.emit(Op::TryBegin {
                handler,
                class: c,
                reason: r,
                stack: s,
            });
        }
        let v = self.temp();
        self.body_into(body, v);
        if catching {
            self.emit(Op::TryEnd);
        }
        if of.is_empty() {
            self.mov(dst, Src::Reg(v));
        } else {
            self.case(
                Src::Reg(v),
                of,
                Some(dst),
                "try",
                span,
                MatchError::TryClause,
            );
        }
        self.emit(Op::Jump { to: done });
        let mut outs = vec![self.scope.clone()];
        if catching {
            self.place(handler);
            for cc in catches {
                // Each catch clause sees only what was bound before the try.
                self.scope = before.clone();
                let next = self.label();
                self.span = cc.span;
                let class_pat = match &cc.class {
                    Some(p) => p.clone(),
                    None => Expr::new(ExprKind::Atom(atoms::throw()), cc.pat.span),
                };
                self.pattern(&class_pat, Src::Reg(c), next);
                self.pattern(&cc.pat, Src::Reg(r), next);
                if let Some(st) = &cc.stack {
                    self.pattern(st, Src::Reg(s), next);
                }
                self.guard(&cc.guard, next);
                self.body_into(&cc.body, dst);
                outs.push(self.scope.clone());
                self.emit(Op::Jump { to: done });
                self.place(next);
            }
            self.scope = before.clone();
            self.span = span;
            self.emit(Op::Reraise {
                class: Src::Reg(c),
                reason: Src::Reg(r),
                stack: Src::Reg(s),
            });
        }
        self.place(done);
        if !after.is_empty() {
            let end = self.label();
            self.emit(Op::TryEnd);
            // `after` is compiled twice (on the way out and in the handler);
            // each copy binds its own variables.
            let at_after = self.scope.clone();
            for a in after {
                self.expr(a);
            }
            outs.push(self.scope.clone());
            self.scope = at_after;
            self.emit(Op::Jump { to: end });
            self.place(after_handler);
            for a in after {
                self.expr(a);
            }
            self.emit(Op::Reraise {
                class: Src::Reg(ac),
                reason: Src::Reg(ar),
                stack: Src::Reg(ast),
            });
            self.place(end);
        }
        self.scope = Scope::merge(&before, &outs, "try", span, true);
        Src::Reg(dst)
    }

    fn list_comp(&mut self, body: &Expr, quals: &[Qualifier], span: Span) -> Src {
        let acc = self.comprehension_acc(body, quals);
        let dst = self.temp();
        self.at(span, |b| {
            b.bif_call(dst, "lists", "reverse", vec![Src::Reg(acc)])
        });
        Src::Reg(dst)
    }

    /// Runs a comprehension: the slot returned holds the body's values,
    /// last first.
    pub(super) fn comprehension_acc(&mut self, body: &Expr, quals: &[Qualifier]) -> Reg {
        let acc = self.temp();
        self.emit(Op::Move {
            dst: acc,
            src: Src::Const(Term::Nil),
        });
        let saved_scope = self.scope.clone();
        let saved_names = self.names.clone();
        let end = self.label();
        self.comprehension(body, quals, acc, end);
        self.place(end);
        self.scope = saved_scope;
        self.names = saved_names;
        acc
    }

    pub(super) fn comprehension(
        &mut self,
        body: &Expr,
        quals: &[Qualifier],
        acc: Reg,
        cont: Label,
    ) {
        let Some((q, rest)) = quals.split_first() else {
            let v = self.expr(body);
            self.emit(Op::Cons {
                dst: acc,
                head: v,
                tail: Src::Reg(acc),
            });
            return;
        };
        match q {
            Qualifier::Generator(p, l) => {
                let lst = self.temp();
                let src = self.expr(l);
                self.emit(Op::Move { dst: lst, src });
                let top = self.label();
                let not_cons = self.label();
                let done = self.label();
                let bad = self.label();
                self.place(top);
                self.emit(Op::TestCons {
                    src: Src::Reg(lst),
                    fail: not_cons,
                });
                let h = self.temp();
                self.emit(Op::GetHd {
                    dst: h,
                    src: Src::Reg(lst),
                });
                self.emit(Op::GetTl {
                    dst: lst,
                    src: Src::Reg(lst),
                });
                let before = (self.scope.clone(), self.names.clone());
                self.shadow_pattern_vars(p);
                self.pattern(p, Src::Reg(h), top);
                self.comprehension(body, rest, acc, top);
                (self.scope, self.names) = before;
                self.emit(Op::Jump { to: top });
                self.place(not_cons);
                self.emit(Op::TestNil {
                    src: Src::Reg(lst),
                    fail: bad,
                });
                self.emit(Op::Jump { to: done });
                self.place(bad);
                self.emit(Op::Fail {
                    error: MatchError::BadGenerator,
                    value: Src::Reg(lst),
                });
                self.place(done);
            }
            Qualifier::BinGenerator(p, b) => self.bin_generator(p, b, body, rest, acc),
            Qualifier::Filter(f)
                if f.is_guard_expr(&|name, n| self.m.locals.contains_key(&(name, n as u32))) =>
            {
                // A filter that is a guard expression is a guard, as in erl:
                // false, a non-boolean and an error all skip the element.
                self.guard(&vec![vec![f.clone()]], cont);
                self.comprehension(body, rest, acc, cont);
            }
            Qualifier::Filter(f) => {
                let v = self.expr(f);
                let not_true = self.label();
                let bad = self.label();
                let go = self.label();
                self.emit(Op::TestExact {
                    a: v.clone(),
                    b: Src::Const(Term::bool(true)),
                    fail: not_true,
                });
                self.emit(Op::Jump { to: go });
                self.place(not_true);
                self.emit(Op::TestExact {
                    a: v.clone(),
                    b: Src::Const(Term::bool(false)),
                    fail: bad,
                });
                self.emit(Op::Jump { to: cont });
                self.place(bad);
                self.emit(Op::Fail {
                    error: MatchError::BadFilter,
                    value: v,
                });
                self.place(go);
                self.comprehension(body, rest, acc, cont);
            }
        }
    }

    /// Generator patterns bind fresh variables, shadowing outer ones.
    pub(super) fn shadow_pattern_vars(&mut self, p: &Expr) {
        let mut names = std::collections::BTreeSet::new();
        super::vars::collect_pattern(p, &mut names);
        for n in names {
            if n.starts_with('_') {
                continue;
            }
            self.scope.vars.remove(&n);
            let slot = self.temp();
            self.names.insert(n, slot);
        }
    }
}
