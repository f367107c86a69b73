//! Small rewrites of a finished function's code that make it run faster
//! without changing what it does: a jump to a `return` becomes the return,
//! a jump to a jump goes straight to the end of the chain, and a jump to
//! the next instruction is removed. Spans stay with their instructions.

use crate::diag::Span;
use crate::term::Term;
use crate::vm::op::{Arith, Label, Op, Src};

/// Rewrites `code` (with `spans` beside it) in place.
pub fn optimise(code: &mut Vec<Op>, spans: &mut Vec<Span>) {
    for op in code.iter_mut() {
        if let Some(new) = with_immediate(op) {
            *op = new;
        }
    }
    thread_jumps(code);
    drop_jumps_to_next(code, spans);
}

/// The form of `op` with a small-integer constant operand, if it has one.
fn with_immediate(op: &Op) -> Option<Op> {
    match op {
        Op::Arith {
            dst,
            op: op @ (Arith::Add | Arith::Sub | Arith::Mul),
            a: Src::Reg(a),
            b: Src::Const(Term::Int(imm)),
            fail: None,
        } => Some(Op::ArithImm {
            dst: *dst,
            op: *op,
            a: *a,
            imm: *imm,
        }),
        Op::Test {
            cmp,
            a: Src::Reg(a),
            b: Src::Const(Term::Int(imm)),
            fail,
        } => Some(Op::TestImm {
            cmp: *cmp,
            a: *a,
            imm: *imm,
            fail: *fail,
        }),
        _ => None,
    }
}

/// Where a jump to `to` ends up after following jumps (at most a few, so a
/// loop of jumps cannot hang the compiler).
fn final_target(code: &[Op], mut to: Label) -> Label {
    for _ in 0..8 {
        match code.get(to as usize) {
            Some(Op::Jump { to: next }) if *next != to => to = *next,
            _ => break,
        }
    }
    to
}

fn thread_jumps(code: &mut [Op]) {
    for i in 0..code.len() {
        let Some(Op::Jump { to }) = code.get(i) else {
            continue;
        };
        let to = final_target(code, *to);
        let new = match code.get(to as usize) {
            Some(Op::Return { src }) => Op::Return { src: src.clone() },
            _ => Op::Jump { to },
        };
        if let Some(op) = code.get_mut(i) {
            *op = new;
        }
    }
}

fn drop_jumps_to_next(code: &mut Vec<Op>, spans: &mut Vec<Span>) {
    let keep: Vec<bool> = code
        .iter()
        .enumerate()
        .map(|(i, op)| !matches!(op, Op::Jump { to } if *to as usize == i + 1))
        .collect();
    if keep.iter().all(|k| *k) {
        return;
    }
    // new_index[i]: where instruction i (or, if dropped, the next kept
    // one) lands; one extra entry for the end of the code.
    let mut new_index = Vec::with_capacity(code.len() + 1);
    let mut n: Label = 0;
    for k in &keep {
        new_index.push(n);
        if *k {
            n += 1;
        }
    }
    new_index.push(n);
    let old = std::mem::take(code);
    let old_spans = std::mem::take(spans);
    for (i, mut op) in old.into_iter().enumerate() {
        if !keep.get(i).copied().unwrap_or(true) {
            continue;
        }
        for l in op.labels_mut() {
            *l = new_index.get(*l as usize).copied().unwrap_or(n);
        }
        code.push(op);
        spans.push(old_spans.get(i).copied().unwrap_or_default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jump_to_next_is_dropped_and_labels_follow() {
        let mut code = vec![
            Op::TestNil {
                src: Src::Reg(0),
                fail: 3,
            },
            Op::Jump { to: 2 },
            Op::Move {
                dst: 0,
                src: Src::Const(Term::Nil),
            },
            Op::Return { src: Src::Reg(0) },
        ];
        let mut spans = vec![
            Span::new(0, 1),
            Span::new(1, 2),
            Span::new(2, 3),
            Span::new(3, 4),
        ];
        optimise(&mut code, &mut spans);
        assert_eq!(code.len(), 3);
        assert!(matches!(code.first(), Some(Op::TestNil { fail: 2, .. })));
        assert_eq!(
            spans,
            vec![Span::new(0, 1), Span::new(2, 3), Span::new(3, 4)]
        );
    }

    #[test]
    fn jump_to_return_becomes_the_return() {
        let mut code = vec![
            Op::Jump { to: 2 },
            Op::Jump { to: 3 },
            Op::Jump { to: 3 },
            Op::Return { src: Src::Reg(1) },
        ];
        let mut spans = vec![Span::default(); 4];
        optimise(&mut code, &mut spans);
        assert!(code
            .iter()
            .all(|op| matches!(op, Op::Return { src: Src::Reg(1) })));
    }
}
