//! Which slots of a frame still matter: a backward pass over a finished
//! function's code that computes, for each instruction, the slots whose
//! values the function may read from there on. A slot outside that set
//! holds a stale value (compiled code writes every slot before reading
//! it), so the world's fingerprint leaves it out and two processes that
//! differ only in stale slots count as the same state.
//!
//! An op that writes its destination only when it does not jump (a guard
//! BIF, a map lookup, `receive` peeking at a message) kills it on the
//! fall-through edge only. The pass is conservative where it cannot be
//! exact: every instruction may raise into every handler of the function.

use crate::vm::op::{BinSeg, Liveness, Op, Reg, Src};

/// What one op does to slots: the slots it reads, the slot it always
/// writes, and where control goes next.
struct Effect {
    reads: Vec<Reg>,
    kills: Option<Reg>,
    /// Written only when control falls through (not when the op jumps).
    kills_falling: Option<Reg>,
    falls_through: bool,
    jumps: Vec<u32>,
}

fn src(out: &mut Vec<Reg>, s: &Src) {
    if let Src::Reg(r) = s {
        out.push(*r);
    }
}

fn srcs<'a>(out: &mut Vec<Reg>, ss: impl IntoIterator<Item = &'a Src>) {
    for s in ss {
        src(out, s);
    }
}

fn segs(out: &mut Vec<Reg>, ss: &[BinSeg]) {
    for s in ss {
        src(out, &s.value);
        if let Some(size) = &s.size {
            src(out, size);
        }
    }
}

fn effect(op: &Op) -> Effect {
    let mut reads = vec![];
    let mut kills = None;
    let mut kills_falling = None;
    let mut falls_through = true;
    let mut jumps = vec![];
    match op {
        Op::Move { dst, src: s } => {
            src(&mut reads, s);
            kills = Some(*dst);
        }
        Op::Tuple { dst, elems } => {
            srcs(&mut reads, elems.iter());
            kills = Some(*dst);
        }
        Op::Cons { dst, head, tail } => {
            srcs(&mut reads, [head, tail]);
            kills = Some(*dst);
        }
        Op::MapNew { dst, pairs } => {
            for (k, v) in pairs.iter() {
                srcs(&mut reads, [k, v]);
            }
            kills = Some(*dst);
        }
        Op::MapUpdate { dst, map, pairs } => {
            src(&mut reads, map);
            for (k, v, _) in pairs.iter() {
                srcs(&mut reads, [k, v]);
            }
            kills = Some(*dst);
        }
        Op::MakeFun { dst, env, .. } => {
            srcs(&mut reads, env.iter());
            kills = Some(*dst);
        }
        Op::MakeExportFun {
            dst,
            module,
            function,
            arity,
        } => {
            srcs(&mut reads, [module, function, arity]);
            kills = Some(*dst);
        }
        Op::TestExact { a, b, fail } | Op::Test { a, b, fail, .. } => {
            srcs(&mut reads, [a, b]);
            jumps.push(*fail);
        }
        Op::TestTuple { src: s, fail, .. }
        | Op::TestCons { src: s, fail }
        | Op::TestNil { src: s, fail }
        | Op::TestMap { src: s, fail }
        | Op::TestBinary { src: s, fail }
        | Op::TestTrue { src: s, fail } => {
            src(&mut reads, s);
            jumps.push(*fail);
        }
        Op::GetElem { dst, src: s, .. } | Op::GetHd { dst, src: s } | Op::GetTl { dst, src: s } => {
            src(&mut reads, s);
            kills = Some(*dst);
        }
        Op::BinBuild {
            dst,
            segs: ss,
            fail,
        } => {
            segs(&mut reads, ss);
            match fail {
                Some(f) => {
                    jumps.push(*f);
                    kills_falling = Some(*dst);
                }
                None => kills = Some(*dst),
            }
        }
        Op::BinFromRows { dst, rows, .. } => {
            src(&mut reads, rows);
            kills = Some(*dst);
        }
        Op::BinGet {
            dst,
            src: s,
            pos,
            size,
            fail,
            ..
        } => {
            // `dst` is written only on a match.
            kills_falling = Some(*dst);
            src(&mut reads, s);
            reads.push(*pos);
            if let Some(size) = size {
                src(&mut reads, size);
            }
            jumps.push(*fail);
        }
        Op::BinEnd { src: s, pos, fail } => {
            src(&mut reads, s);
            reads.push(*pos);
            jumps.push(*fail);
        }
        Op::MapGet {
            dst,
            map,
            key,
            fail,
        } => {
            srcs(&mut reads, [map, key]);
            jumps.push(*fail);
            kills_falling = Some(*dst);
        }
        Op::Compare { dst, a, b, .. } => {
            srcs(&mut reads, [a, b]);
            kills = Some(*dst);
        }
        Op::Arith {
            dst, a, b, fail, ..
        } => {
            srcs(&mut reads, [a, b]);
            match fail {
                Some(f) => {
                    jumps.push(*f);
                    kills_falling = Some(*dst);
                }
                None => kills = Some(*dst),
            }
        }
        Op::ArithImm { dst, a, .. } => {
            reads.push(*a);
            kills = Some(*dst);
        }
        Op::TestImm { a, fail, .. } => {
            reads.push(*a);
            jumps.push(*fail);
        }
        Op::Bif {
            dst, args, fail, ..
        } => {
            srcs(&mut reads, args.iter());
            match fail {
                Some(f) => {
                    jumps.push(*f);
                    kills_falling = Some(*dst);
                }
                None => kills = Some(*dst),
            }
        }
        Op::Jump { to } => {
            falls_through = false;
            jumps.push(*to);
        }
        Op::Call { dst, args, .. } | Op::CallExt { dst, args, .. } => {
            srcs(&mut reads, args.iter());
            kills = Some(*dst);
        }
        Op::CallDyn {
            dst,
            module,
            function,
            args,
        } => {
            srcs(&mut reads, [module, function]);
            srcs(&mut reads, args.iter());
            kills = Some(*dst);
        }
        Op::CallFun { dst, fun, args } => {
            src(&mut reads, fun);
            srcs(&mut reads, args.iter());
            kills = Some(*dst);
        }
        Op::TailCall { args, .. } | Op::TailCallExt { args, .. } => {
            srcs(&mut reads, args.iter());
            falls_through = false;
        }
        Op::TailCallFun { fun, args } => {
            src(&mut reads, fun);
            srcs(&mut reads, args.iter());
            falls_through = false;
        }
        Op::Return { src: s } | Op::Fail { value: s, .. } | Op::Raise { reason: s, .. } => {
            src(&mut reads, s);
            falls_through = false;
        }
        Op::Reraise {
            class,
            reason,
            stack,
        } => {
            srcs(&mut reads, [class, reason, stack]);
            falls_through = false;
        }
        Op::TryBegin { .. } | Op::TryEnd | Op::RecvAccept => {}
        Op::CatchValue {
            dst,
            class,
            reason,
            stack,
        } => {
            reads.extend([*class, *reason, *stack]);
            kills = Some(*dst);
        }
        Op::RecvPeek { dst, empty } => {
            // `dst` is written only when there is a message.
            jumps.push(*empty);
            kills_falling = Some(*dst);
        }
        Op::RecvSkip { next } => {
            falls_through = false;
            jumps.push(*next);
        }
        Op::RecvWait { retry, timeout } => {
            // Without an `after`, control never falls through: only a
            // timeout goes on past the wait.
            match timeout {
                Some(t) => src(&mut reads, t),
                None => falls_through = false,
            }
            jumps.push(*retry);
        }
        Op::Send { dst, to, msg } => {
            srcs(&mut reads, [to, msg]);
            kills = Some(*dst);
        }
    }
    Effect {
        reads,
        kills,
        kills_falling,
        falls_through,
        jumps,
    }
}

/// The live slots at each instruction of `code`, a function whose frames
/// have `slots` slots.
pub fn liveness(code: &[Op], slots: usize) -> Liveness {
    let n = code.len();
    let mut live = Liveness::new(n, slots);
    let effects: Vec<Effect> = code.iter().map(effect).collect();
    // An exception lands in the innermost handler active where it is
    // raised, with the handler's class, reason and stack slots written.
    let written: std::collections::BTreeMap<u32, [Reg; 3]> = code
        .iter()
        .filter_map(|op| match op {
            Op::TryBegin {
                handler,
                class,
                reason,
                stack,
            } => Some((*handler, [*class, *reason, *stack])),
            _ => None,
        })
        .collect();
    let catching = innermost_handlers(code, &effects, written.keys().copied().collect());
    let words = live.words();
    let mut changed = true;
    let mut out = vec![0u64; words];
    while changed {
        changed = false;
        for (pc, e) in effects.iter().enumerate().rev() {
            out.iter_mut().for_each(|w| *w = 0);
            for h in catching.get(pc).into_iter().flatten() {
                if let Some(row) = live.row(*h as usize) {
                    let mut row = row.to_vec();
                    for r in written.get(h).into_iter().flatten() {
                        clear(&mut row, *r);
                    }
                    or_into(&mut out, &row);
                }
            }
            if e.falls_through && pc + 1 < n {
                if let Some(row) = live.row(pc + 1) {
                    match e.kills_falling {
                        Some(k) => {
                            let mut row = row.to_vec();
                            clear(&mut row, k);
                            or_into(&mut out, &row);
                        }
                        None => or_into(&mut out, row),
                    }
                }
            }
            for j in &e.jumps {
                if let Some(row) = live.row(*j as usize) {
                    or_into(&mut out, row);
                }
            }
            if let Some(k) = e.kills {
                clear(&mut out, k);
            }
            for r in &e.reads {
                set(&mut out, *r);
            }
            if live.replace_row(pc, &out) {
                changed = true;
            }
        }
    }
    live
}

/// For each instruction, the handlers an exception raised there can land
/// in: the innermost active one, found by following `try` blocks forward
/// from the entry. Should two paths disagree about which handlers are
/// active, every instruction may land in every handler (`all`).
fn innermost_handlers(code: &[Op], effects: &[Effect], all: Vec<u32>) -> Vec<Vec<u32>> {
    let n = code.len();
    let mut active: Vec<Option<Vec<u32>>> = vec![None; n];
    let mut work = vec![];
    if let Some(entry) = active.first_mut() {
        *entry = Some(vec![]);
        work.push(0);
    }
    let mut agree = true;
    while let Some(pc) = work.pop() {
        let cur = active.get(pc).cloned().flatten().unwrap_or_default();
        let mut next: Vec<(usize, Vec<u32>)> = vec![];
        let (Some(op), Some(e)) = (code.get(pc), effects.get(pc)) else {
            continue;
        };
        match op {
            Op::TryBegin { handler, .. } => {
                let mut inner = cur.clone();
                inner.push(*handler);
                next.push((pc + 1, inner));
                // A caught exception has left the try block.
                next.push((*handler as usize, cur));
            }
            Op::TryEnd => {
                let mut outer = cur;
                outer.pop();
                next.push((pc + 1, outer));
            }
            _ => {
                if e.falls_through {
                    next.push((pc + 1, cur.clone()));
                }
                next.extend(e.jumps.iter().map(|j| (*j as usize, cur.clone())));
            }
        }
        for (t, st) in next {
            match active.get_mut(t) {
                Some(slot @ None) => {
                    *slot = Some(st);
                    work.push(t);
                }
                Some(Some(seen)) if *seen != st => agree = false,
                _ => {}
            }
        }
    }
    if !agree {
        return vec![all; n];
    }
    active
        .into_iter()
        .map(|st| st.and_then(|s| s.last().copied()).into_iter().collect())
        .collect()
}

fn or_into(out: &mut [u64], row: &[u64]) {
    for (o, w) in out.iter_mut().zip(row) {
        *o |= w;
    }
}

fn set(row: &mut [u64], r: Reg) {
    if let Some(w) = row.get_mut(r as usize / 64) {
        *w |= 1 << (r % 64);
    }
}

fn clear(row: &mut [u64], r: Reg) {
    if let Some(w) = row.get_mut(r as usize / 64) {
        *w &= !(1 << (r % 64));
    }
}
