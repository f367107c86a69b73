//! Building one function's code: slots, labels, emission, clauses.
//!
//! `FnBuilder` owns the ops and spans being emitted for one function (or
//! fun body), the variable scope and the label table. Labels are patched to
//! instruction indices in `finish`. Expression and pattern code generation
//! live in `expr.rs` and `pattern.rs` as further `impl FnBuilder` blocks.

use super::scope::Scope;
use super::ModCtx;
use crate::diag::Diagnostic;
use crate::syntax::ast::{Clause, Expr, Span};
use crate::term::Atom;
use crate::vm::op::{FunctionCode, Label, MatchError, Op, Reg, Src};
use std::collections::BTreeMap;

pub struct FnBuilder<'m> {
    pub m: &'m mut ModCtx,
    pub code: Vec<Op>,
    pub spans: Vec<Span>,
    pub slots: u32,
    pub names: BTreeMap<String, Reg>,
    pub scope: Scope,
    pub span: Span,
    labels: Vec<Option<u32>>,
    /// Inside a guard: errors jump here instead of raising.
    pub guard_fail: Option<Label>,
    pub in_guard: bool,
    /// Name and arity of the enclosing named function, for fun names.
    pub owner: (Atom, u32),
    /// Slots `0..arg_slots` hold the function's arguments.
    pub arg_slots: u32,
    /// Compiling a clause head, whose variables may live in argument slots.
    pub in_head: bool,
    /// Variables bound so far by the pattern (or clause head) being
    /// compiled, and how deep in it we are: a binary segment's size may not
    /// use them unless an earlier segment of the same binary bound them.
    pub pattern_binds: Vec<String>,
    pub pattern_depth: u32,
}

impl<'m> FnBuilder<'m> {
    pub fn new(m: &'m mut ModCtx, owner: (Atom, u32)) -> FnBuilder<'m> {
        FnBuilder {
            m,
            code: vec![],
            spans: vec![],
            slots: 0,
            names: BTreeMap::new(),
            scope: Scope::default(),
            span: Span::default(),
            labels: vec![],
            guard_fail: None,
            in_guard: false,
            owner,
            arg_slots: 0,
            in_head: false,
            pattern_binds: vec![],
            pattern_depth: 0,
        }
    }

    pub fn temp(&mut self) -> Reg {
        let r = self.slots;
        self.slots += 1;
        r
    }

    /// The slot that holds variable `name` in this function.
    pub fn var_slot(&mut self, name: &str) -> Reg {
        // Argument slots are never bound outside a head: a name last used
        // for an argument gets a slot of its own.
        if let Some(r) = self.names.get(name).filter(|r| **r >= self.arg_slots) {
            return *r;
        }
        let r = self.temp();
        self.names.insert(name.to_string(), r);
        r
    }

    pub fn emit(&mut self, op: Op) {
        self.code.push(op);
        self.spans.push(self.span);
    }

    pub fn label(&mut self) -> Label {
        self.labels.push(None);
        (self.labels.len() - 1) as Label
    }

    pub fn place(&mut self, l: Label) {
        if let Some(slot) = self.labels.get_mut(l as usize) {
            *slot = Some(self.code.len() as u32);
        }
    }

    pub fn error(&mut self, d: Diagnostic) {
        self.m.diags.push(d);
    }

    pub fn at<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = self.span;
        self.span = span;
        let r = f(self);
        self.span = saved;
        r
    }

    pub fn finish(mut self, name: Atom, arity: u32, env: u32, display: Atom) -> FunctionCode {
        let labels = std::mem::take(&mut self.labels);
        for op in &mut self.code {
            for l in op.labels_mut() {
                *l = labels.get(*l as usize).copied().flatten().unwrap_or(0);
            }
        }
        super::peephole::optimise(&mut self.code, &mut self.spans);
        let slots = self.slots.max(1);
        let size = slots.max(arity + env).max(1) as usize;
        let live = super::liveness::liveness(&self.code, size);
        FunctionCode {
            name,
            arity,
            env,
            slots,
            code: self.code,
            spans: self.spans,
            display,
            live,
        }
    }

    /// Compiles the clauses of a function whose arguments are in slots
    /// `0..arity`: each clause matches, checks its guard, runs its body in
    /// tail position. No clause matching raises `function_clause`.
    pub fn function_clauses(&mut self, clauses: &[Clause], arity: u32) {
        let args: Vec<Src> = (0..arity).map(Src::Reg).collect();
        // Reserve the argument slots before any variable.
        self.slots = self.slots.max(arity);
        self.arg_slots = arity;
        let before = self.scope.clone();
        for c in clauses {
            self.scope = before.clone();
            let next = self.label();
            self.span = c.span;
            self.in_head = true;
            self.pattern_binds.clear();
            for (p, a) in c.pats.iter().zip(args.iter()) {
                self.pattern(p, a.clone(), next);
            }
            self.in_head = false;
            self.guard(&c.guard, next);
            self.body_tail(&c.body);
            self.place(next);
        }
        self.scope = before;
        let v = args
            .first()
            .cloned()
            .unwrap_or(Src::Const(crate::term::Term::Nil));
        self.emit(Op::Fail {
            error: MatchError::FunctionClause,
            value: v,
        });
    }

    /// A body in tail position.
    pub fn body_tail(&mut self, body: &[Expr]) {
        let Some((last, init)) = body.split_last() else {
            self.emit(Op::Return {
                src: Src::Const(crate::term::Term::Nil),
            });
            return;
        };
        for e in init {
            self.expr(e);
        }
        self.tail(last);
    }

    /// A body whose value goes to `dst`.
    pub fn body_into(&mut self, body: &[Expr], dst: Reg) {
        let Some((last, init)) = body.split_last() else {
            return;
        };
        for e in init {
            self.expr(e);
        }
        let v = self.expr(last);
        self.mov(dst, v);
    }

    pub fn mov(&mut self, dst: Reg, src: Src) {
        if let Src::Reg(r) = src {
            if r == dst {
                return;
            }
        }
        self.emit(Op::Move { dst, src });
    }
}
