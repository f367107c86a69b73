//! Collects the variable names an expression mentions.

use crate::syntax::ast::{Expr, ExprKind, Qualifier};
use std::collections::BTreeSet;

pub fn collect(e: &Expr, out: &mut BTreeSet<String>) {
    walk(e, out, true);
}

/// The variables a pattern binds (or tests): not those its binary
/// segments' sizes use, which name variables bound before it.
pub fn collect_pattern(p: &Expr, out: &mut BTreeSet<String>) {
    walk(p, out, false);
}

/// The variables the sizes of a pattern's binary segments use.
pub fn collect_sizes(p: &Expr, out: &mut BTreeSet<String>) {
    let mut all = BTreeSet::new();
    let mut bound = BTreeSet::new();
    walk(p, &mut all, true);
    walk(p, &mut bound, false);
    out.extend(all.difference(&bound).cloned());
}

fn walk(e: &Expr, out: &mut BTreeSet<String>, sizes: bool) {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Var(v) => {
                if v != "_" {
                    out.insert(v.clone());
                }
            }
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Atom(_)
            | ExprKind::Str(_)
            | ExprKind::FunRef(_, _)
            | ExprKind::Record(_) => {}
            ExprKind::Tuple(es) | ExprKind::Block(es) => stack.extend(es),
            ExprKind::List(es, t) => {
                stack.extend(es);
                stack.extend(t.as_deref());
            }
            ExprKind::Map(fs) => fs.iter().for_each(|f| stack.extend([&f.key, &f.value])),
            ExprKind::MapUpdate(m, fs) => {
                stack.push(m);
                fs.iter().for_each(|f| stack.extend([&f.key, &f.value]));
            }
            ExprKind::Match(a, b) | ExprKind::Bin(_, a, b) | ExprKind::Remote(a, b) => {
                stack.extend([&**a, &**b])
            }
            ExprKind::Un(_, a) | ExprKind::Catch(a) => stack.push(a),
            ExprKind::Call(f, args) => {
                stack.push(f);
                stack.extend(args);
            }
            ExprKind::Case(s, cs) => {
                stack.push(s);
                clauses(cs, &mut stack);
            }
            ExprKind::If(cs) | ExprKind::Fun(_, cs) => clauses(cs, &mut stack),
            ExprKind::Receive(cs, after) => {
                clauses(cs, &mut stack);
                if let Some(a) = after {
                    stack.push(&a.timeout);
                    stack.extend(&a.body);
                }
            }
            ExprKind::FunRemote(m, f, a) => stack.extend([&**m, &**f, &**a]),
            ExprKind::Try(t) => {
                stack.extend(&t.body);
                clauses(&t.of, &mut stack);
                for c in &t.catches {
                    stack.extend(c.class.iter());
                    stack.push(&c.pat);
                    stack.extend(c.stack.iter());
                    c.guard.iter().for_each(|alt| stack.extend(alt));
                    stack.extend(&c.body);
                }
                stack.extend(&t.after);
            }
            ExprKind::Binary(es) => {
                for el in es {
                    stack.push(&el.value);
                    if sizes {
                        stack.extend(el.size.as_ref());
                    }
                }
            }
            ExprKind::ListComp(b, qs) | ExprKind::BinComp(b, qs) => {
                stack.push(b);
                for q in qs {
                    match q {
                        Qualifier::Generator(p, l) | Qualifier::BinGenerator(p, l) => {
                            stack.extend([p, l])
                        }
                        Qualifier::Filter(f) => stack.push(f),
                    }
                }
            }
        }
    }
}

fn clauses<'a>(cs: &'a [crate::syntax::ast::Clause], stack: &mut Vec<&'a Expr>) {
    for c in cs {
        stack.extend(&c.pats);
        c.guard.iter().for_each(|alt| stack.extend(alt));
        stack.extend(&c.body);
    }
}
