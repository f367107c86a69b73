//! Code generation for patterns: tests that jump to `fail` on mismatch and
//! moves that bind new variables. A variable already bound is a test.

use super::expr::literal;
use super::func::FnBuilder;
use crate::diag::Diagnostic;
use crate::syntax::ast::{BinOp, Expr, ExprKind};
use crate::vm::op::{Label, Op, Src};

impl FnBuilder<'_> {
    pub fn pattern(&mut self, p: &Expr, v: Src, fail: Label) {
        let span = p.span;
        // A clause head's arguments are one pattern, matched together.
        if self.pattern_depth == 0 && !self.in_head {
            self.pattern_binds.clear();
        }
        self.pattern_depth += 1;
        self.at(span, |b| b.pattern_inner(p, v, fail));
        self.pattern_depth -= 1;
    }

    fn pattern_inner(&mut self, p: &Expr, v: Src, fail: Label) {
        // A map in a pattern matches any map with those keys, so a pattern
        // holding one is no literal (a map key may still be one).
        if let Some(t) = literal(p).filter(|_| !holds_map(p)) {
            self.emit(Op::TestExact {
                a: v,
                b: Src::Const(t),
                fail,
            });
            return;
        }
        match &p.kind {
            ExprKind::Var(name) if name == "_" => {}
            ExprKind::Var(name) => {
                if let Some((_, super::scope::VarState::Unsafe { construct, span })) =
                    self.scope.get(name).cloned()
                {
                    // erlc refuses to bind again a variable that an earlier
                    // branch made unsafe, as it refuses to read it.
                    self.error(
                        Diagnostic::error(format!("variable `{name}` is unsafe in `{construct}`"))
                            .at(p.span, format!("`{name}` is matched here"))
                            .with_label(span, format!("`{name}` is bound inside this `{construct}`"))
                            .help(format!(
                                "use another name here, or bind `{name}` outside the `{construct}`: `{name} = {construct} ... end`"
                            )),
                    );
                    // Bound from here on, so its later uses report nothing more.
                    let slot = self.var_slot(name);
                    self.mov(slot, v);
                    self.scope.bind(name, slot);
                    return;
                }
                if let Some((slot, super::scope::VarState::Bound)) = self.scope.get(name).cloned() {
                    self.emit(Op::TestExact {
                        a: v,
                        b: Src::Reg(slot),
                        fail,
                    });
                } else {
                    // A head variable lives in its argument's slot: argument
                    // slots are written only when the function is entered.
                    let slot = match v {
                        Src::Reg(r) if self.in_head && r < self.arg_slots => {
                            self.names.insert(name.clone(), r);
                            r
                        }
                        _ => self.var_slot(name),
                    };
                    self.mov(slot, v);
                    self.scope.bind(name, slot);
                    self.pattern_binds.push(name.clone());
                }
            }
            ExprKind::Tuple(es) => {
                self.emit(Op::TestTuple {
                    src: v.clone(),
                    arity: es.len() as u32,
                    fail,
                });
                for (i, e) in es.iter().enumerate() {
                    let t = self.elem_target(e);
                    self.emit(Op::GetElem {
                        dst: t,
                        src: v.clone(),
                        index: i as u32,
                    });
                    self.pattern(e, Src::Reg(t), fail);
                }
            }
            ExprKind::List(es, tail) => {
                let mut cur = v;
                for e in es {
                    self.emit(Op::TestCons {
                        src: cur.clone(),
                        fail,
                    });
                    let h = self.elem_target(e);
                    self.emit(Op::GetHd {
                        dst: h,
                        src: cur.clone(),
                    });
                    let t = self.temp();
                    self.emit(Op::GetTl { dst: t, src: cur });
                    self.pattern(e, Src::Reg(h), fail);
                    cur = Src::Reg(t);
                }
                match tail {
                    Some(t) => self.pattern(t, cur, fail),
                    None => self.emit(Op::TestNil { src: cur, fail }),
                }
            }
            ExprKind::Bin(BinOp::Append, prefix, rest) => match literal(prefix) {
                Some(list) if list.list_len().is_some() => {
                    let mut cur = v;
                    for item in list.iter_list() {
                        self.emit(Op::TestCons {
                            src: cur.clone(),
                            fail,
                        });
                        let h = self.temp();
                        self.emit(Op::GetHd {
                            dst: h,
                            src: cur.clone(),
                        });
                        self.emit(Op::TestExact {
                            a: Src::Reg(h),
                            b: Src::Const(item.clone()),
                            fail,
                        });
                        let t = self.temp();
                        self.emit(Op::GetTl { dst: t, src: cur });
                        cur = Src::Reg(t);
                    }
                    self.pattern(rest, cur, fail);
                }
                _ => self.bad_pattern(
                    p,
                    "the left side of `++` in a pattern must be a literal string or list",
                ),
            },
            ExprKind::Map(fields) => {
                self.emit(Op::TestMap {
                    src: v.clone(),
                    fail,
                });
                for f in fields {
                    if !f.exact {
                        self.error(
                            Diagnostic::error("map patterns use `:=`, not `=>`")
                                .at(f.span, "`=>` here")
                                .help("write `#{key := Pattern}` to match a key"),
                        );
                    }
                    let key = match literal(&f.key) {
                        Some(k) => Src::Const(k),
                        None => {
                            match &f.key.kind {
                                ExprKind::Var(n) if self.scope.is_bound(n) => self.expr(&f.key),
                                _ => {
                                    self.bad_pattern(&f.key, "a map key in a pattern must be a literal or a bound variable");
                                    continue;
                                }
                            }
                        }
                    };
                    let t = self.elem_target(&f.value);
                    self.emit(Op::MapGet {
                        dst: t,
                        map: v.clone(),
                        key,
                        fail,
                    });
                    self.pattern(&f.value, Src::Reg(t), fail);
                }
            }
            ExprKind::Binary(es) => self.binary_pattern(es, v, fail),
            ExprKind::Match(a, b) => {
                self.pattern(a, v.clone(), fail);
                self.pattern(b, v, fail);
            }
            ExprKind::Record(_) => self.record_in_shell(p.span),
            _ => self.bad_pattern(
                p,
                "patterns are made of literals, variables, tuples, lists, maps and binaries",
            ),
        }
    }

    /// Where to put a sub-term: straight into a fresh variable's slot.
    pub(super) fn elem_target(&mut self, e: &Expr) -> u32 {
        match &e.kind {
            ExprKind::Var(n) if n != "_" && !self.scope.is_bound(n) => self.var_slot(n),
            _ => self.temp(),
        }
    }

    pub(super) fn bad_pattern(&mut self, p: &Expr, why: &str) {
        let what = match &p.kind {
            ExprKind::Call(_, _) => "a function call",
            ExprKind::Bin(_, _, _) | ExprKind::Un(_, _) => "an operator expression",
            ExprKind::Case(_, _) | ExprKind::If(_) | ExprKind::Receive(_, _) => {
                "a control expression"
            }
            ExprKind::Fun(_, _) => "a fun",
            _ => "this expression",
        };
        self.error(
            Diagnostic::error(format!("{what} cannot be used as a pattern"))
                .at(p.span, "not a pattern")
                .help(format!(
                    "{why}; compute the value first and compare it in a guard: `X when X =:= ...`"
                )),
        );
    }
}

/// Whether a map pattern occurs in `p` (outside map keys).
fn holds_map(p: &Expr) -> bool {
    match &p.kind {
        ExprKind::Map(_) => true,
        ExprKind::Tuple(es) => es.iter().any(holds_map),
        ExprKind::List(es, tail) => {
            es.iter().any(holds_map) || tail.as_deref().is_some_and(holds_map)
        }
        _ => false,
    }
}
