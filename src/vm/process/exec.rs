//! The dispatch loop: one arm per op. Calls, frames and unwinding are in
//! `call`; ops that are rare on hot paths (binaries, maps, funs, catch)
//! are methods below the loop, to keep it short.

use super::call::{closure_target, undef};
use super::{Flow, Frame, Handler, Process};
use crate::term::{atoms, Term};
use crate::vm::arith;
use crate::vm::builtin::BifCtx;
use crate::vm::exception::Exception;
use crate::vm::module::Code;
use crate::vm::op::{Op, Src};
use crate::vm::stop::{Effect, Stop, Wake};
use std::rc::Rc;

impl Process {
    #[allow(clippy::too_many_lines)]
    pub(super) fn exec(&mut self, code: &Code, ctx: &mut BifCtx, budget: &mut u64) -> Flow {
        let flow = self.exec_slice(code, ctx, budget);
        // Outside `exec_slice` the stack ends at the top frame's last slot.
        self.trim();
        flow
    }

    /// The dispatch loop. Within it the stack may hold slots above the top
    /// frame left by frames that returned; `exec` trims them.
    fn exec_slice(&mut self, code: &Code, ctx: &mut BifCtx, budget: &mut u64) -> Flow {
        if let Some(e) = self.pending_error.take() {
            let mut e = *e;
            let pc = self
                .frames
                .last()
                .map(|f| f.pc.saturating_sub(1))
                .unwrap_or(0);
            if e.location.is_none() {
                e.location = self.location(pc);
            }
            return Err(e);
        }
        macro_rules! tri {
            ($e:expr, $at:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => return self.fail($at, e),
                }
            };
        }
        'frame: loop {
            let Some(top) = self.frames.last() else {
                let v = self.args.first().cloned().unwrap_or_default();
                return Ok(Stop::Exit(Ok(v)));
            };
            let module = top.module.clone();
            let mut pc = top.pc;
            let mut base = top.base as usize;
            let Some(fc) = module.function(top.func) else {
                return self.fail(pc, undef());
            };
            let mut ops: &[Op] = &fc.code;
            let mut size = fc.frame_size();
            let nil = Term::Nil;
            loop {
                let at = pc;
                let Some(op) = ops.get(pc as usize) else {
                    return self.fail(pc, Exception::error(Term::atom("bad_code")));
                };
                pc += 1;
                // Enters what a call resolved to, then counts a reduction and
                // reloads the top frame.
                macro_rules! enter {
                    ($callee:expr, $dst:expr, $tail:expr, $frame:lifetime) => {{
                        if let Some(stop) = self.enter($callee, $dst, pc, $tail, at)? {
                            return Ok(stop);
                        }
                        if self.spend(budget) {
                            return Ok(Stop::Yield);
                        }
                        continue $frame;
                    }};
                }
                match op {
                    Op::Move { dst, src } => set!(self, base, *dst, get!(self, base, src)),
                    Op::MapNew { .. }
                    | Op::MapUpdate { .. }
                    | Op::MakeFun { .. }
                    | Op::MakeExportFun { .. }
                    | Op::BinBuild { .. }
                    | Op::BinFromRows { .. }
                    | Op::BinGet { .. }
                    | Op::BinEnd { .. }
                    | Op::MapGet { .. }
                    | Op::Fail { .. }
                    | Op::Raise { .. }
                    | Op::Reraise { .. }
                    | Op::CatchValue { .. } => match self.exec_rare(&module, base, op) {
                        Ok(None) => {}
                        Ok(Some(to)) => pc = to,
                        Err(e) => return self.fail(at, e),
                    },
                    Op::Tuple { dst, elems } => {
                        let v: Vec<Term> = elems.iter().map(|s| get!(self, base, s)).collect();
                        set!(self, base, *dst, Term::tuple(v));
                    }
                    Op::Cons { dst, head, tail } => {
                        let h = get!(self, base, head);
                        let t = get!(self, base, tail);
                        set!(self, base, *dst, Term::cons(h, t));
                    }
                    Op::TestExact { a, b, fail } => {
                        let eq = val!(self, base, a, &nil) == val!(self, base, b, &nil);
                        if !eq {
                            pc = *fail;
                        }
                    }
                    Op::TestTuple { src, arity, fail } => {
                        let ok = matches!(get!(self, base, src), Term::Tuple(t) if t.len() == *arity as usize);
                        if !ok {
                            pc = *fail;
                        }
                    }
                    Op::TestCons { src, fail } => {
                        if !matches!(get!(self, base, src), Term::Cons(_)) {
                            pc = *fail;
                        }
                    }
                    Op::TestNil { src, fail } => {
                        if !matches!(get!(self, base, src), Term::Nil) {
                            pc = *fail;
                        }
                    }
                    Op::TestBinary { src, fail } => {
                        if !matches!(val!(self, base, src, &nil), Term::Binary(_)) {
                            pc = *fail;
                        }
                    }
                    Op::TestMap { src, fail } => {
                        if !matches!(get!(self, base, src), Term::Map(_)) {
                            pc = *fail;
                        }
                    }
                    Op::GetElem { dst, src, index } => {
                        let v = match get!(self, base, src) {
                            Term::Tuple(t) => t.get(*index as usize).cloned().unwrap_or_default(),
                            _ => Term::Nil,
                        };
                        set!(self, base, *dst, v);
                    }
                    Op::GetHd { dst, src } => {
                        let v = match get!(self, base, src) {
                            Term::Cons(c) => c.head.clone(),
                            _ => Term::Nil,
                        };
                        set!(self, base, *dst, v);
                    }
                    Op::GetTl { dst, src } => {
                        let v = match get!(self, base, src) {
                            Term::Cons(c) => c.tail.clone(),
                            _ => Term::Nil,
                        };
                        set!(self, base, *dst, v);
                    }
                    Op::Test { cmp, a, b, fail } => {
                        let holds = match (val!(self, base, a, &nil), val!(self, base, b, &nil)) {
                            (Term::Int(x), Term::Int(y)) => arith::small_cmp(*cmp, *x, *y),
                            (x, y) => arith::cmp(*cmp, x, y),
                        };
                        if !holds {
                            pc = *fail;
                        }
                    }
                    Op::Compare { dst, cmp, a, b } => {
                        let r =
                            arith::cmp(*cmp, val!(self, base, a, &nil), val!(self, base, b, &nil));
                        set!(self, base, *dst, Term::bool(r));
                    }
                    Op::Arith {
                        dst,
                        op,
                        a,
                        b,
                        fail,
                    } => {
                        // Small integers stay on the fast path; everything else
                        // (bignums, floats, errors) goes through `arith`.
                        let fast = match (val!(self, base, a, &nil), val!(self, base, b, &nil)) {
                            (Term::Int(x), Term::Int(y)) => arith::small_add_sub_mul(*op, *x, *y),
                            _ => None,
                        };
                        if let Some(r) = fast {
                            set_int!(self, base, *dst, r);
                            continue;
                        }
                        match arith::arith(
                            *op,
                            val!(self, base, a, &nil),
                            val!(self, base, b, &nil),
                        ) {
                            Ok(v) => set!(self, base, *dst, v),
                            Err(e) => match fail {
                                Some(l) => pc = *l,
                                None => return self.fail(at, e),
                            },
                        }
                    }
                    Op::ArithImm { dst, op, a, imm } => {
                        let x = self.stack.get(base + *a as usize).unwrap_or(&nil);
                        let fast = match x {
                            Term::Int(x) => arith::small_add_sub_mul(*op, *x, *imm),
                            _ => None,
                        };
                        let v = match fast {
                            Some(r) => {
                                set_int!(self, base, *dst, r);
                                continue;
                            }
                            None => match arith::arith(*op, x, &Term::Int(*imm)) {
                                Ok(v) => v,
                                Err(e) => return self.fail(at, e),
                            },
                        };
                        set!(self, base, *dst, v);
                    }
                    Op::TestImm { cmp, a, imm, fail } => {
                        let holds = match self.stack.get(base + *a as usize).unwrap_or(&nil) {
                            Term::Int(x) => arith::small_cmp(*cmp, *x, *imm),
                            x => arith::cmp(*cmp, x, &Term::Int(*imm)),
                        };
                        if !holds {
                            pc = *fail;
                        }
                    }
                    Op::Bif {
                        dst,
                        bif,
                        args,
                        fail,
                    } => {
                        let mut av = std::mem::take(&mut self.args);
                        av.clear();
                        av.extend(args.iter().map(|s| get!(self, base, s)));
                        let r = (bif.f)(ctx, &av);
                        av.clear();
                        self.args = av;
                        match r {
                            Ok(v) => set!(self, base, *dst, v),
                            Err(e) => match fail {
                                Some(l) => pc = *l,
                                None => return self.fail(at, e),
                            },
                        }
                        if !ctx.output.is_empty() {
                            self.save_pc(pc);
                            return Ok(Stop::Effect(Effect::Output(std::mem::take(
                                &mut ctx.output,
                            ))));
                        }
                    }
                    Op::TestTrue { src, fail } => {
                        if !matches!(get!(self, base, src), Term::Atom(a) if a == atoms::true_()) {
                            pc = *fail;
                        }
                    }
                    Op::Jump { to } => pc = *to,
                    Op::Call { dst, func: f, args } => {
                        self.save_pc(pc);
                        let Some(callee) = module.function(*f) else {
                            return self.fail(at, undef());
                        };
                        tri!(self.check_room(), at);
                        // The new frame starts above the caller's slots. Slots
                        // left there by returned frames are overwritten, not
                        // dropped and refilled: compiled code writes every slot
                        // before reading it.
                        let new_base = base + size;
                        for (i, s) in args.iter().enumerate() {
                            let v = get!(self, base, s);
                            match self.stack.get_mut(new_base + i) {
                                Some(slot) => std::mem::replace(slot, v).discard(),
                                None => self.stack.push(v),
                            }
                        }
                        size = callee.frame_size();
                        if self.stack.len() < new_base + size {
                            self.stack.resize_with(new_base + size, || Term::Nil);
                        }
                        self.frames.push(Frame {
                            module: module.clone(),
                            func: *f,
                            pc: 0,
                            base: new_base as u32,
                            ret: *dst,
                        });
                        ops = &callee.code;
                        pc = 0;
                        base = new_base;
                        if self.spend(budget) {
                            return Ok(Stop::Yield);
                        }
                    }
                    Op::TailCall { func: f, args } => {
                        let Some(callee) = module.function(*f) else {
                            return self.fail(at, undef());
                        };
                        // The arguments may read the slots being replaced, so
                        // they are gathered first. (The same as `place_args`,
                        // written out: calling it here costs tail-call loops 10%.)
                        let mut av = std::mem::take(&mut self.scratch);
                        av.extend(args.iter().map(|s| get!(self, base, s)));
                        for (i, v) in av.drain(..).enumerate() {
                            match self.stack.get_mut(base + i) {
                                Some(slot) => std::mem::replace(slot, v).discard(),
                                None => self.stack.push(v),
                            }
                        }
                        self.scratch = av;
                        size = callee.frame_size();
                        if self.stack.len() < base + size {
                            self.stack.resize_with(base + size, || Term::Nil);
                        }
                        if let Some(fr) = self.frames.last_mut() {
                            fr.func = *f;
                            fr.pc = 0;
                        }
                        ops = &callee.code;
                        pc = 0;
                        if self.spend(budget) {
                            return Ok(Stop::Yield);
                        }
                    }
                    Op::CallExt {
                        dst,
                        module: md,
                        function,
                        args,
                    } => {
                        let av: Vec<Term> = args.iter().map(|s| get!(self, base, s)).collect();
                        let (md, f) = (Term::Atom(*md), Term::Atom(*function));
                        let callee = tri!(self.call_named(code, ctx, &md, &f, av), at);
                        enter!(callee, *dst, false, 'frame);
                    }
                    Op::TailCallExt {
                        module: md,
                        function,
                        args,
                    } => {
                        let av: Vec<Term> = args.iter().map(|s| get!(self, base, s)).collect();
                        let (md, f) = (Term::Atom(*md), Term::Atom(*function));
                        let callee = tri!(self.call_named(code, ctx, &md, &f, av), at);
                        enter!(callee, 0, true, 'frame);
                    }
                    Op::CallDyn {
                        dst,
                        module: md,
                        function,
                        args,
                    } => {
                        let av: Vec<Term> = args.iter().map(|s| get!(self, base, s)).collect();
                        let (md, f) = (get!(self, base, md), get!(self, base, function));
                        let callee = tri!(self.call_named(code, ctx, &md, &f, av), at);
                        enter!(callee, *dst, false, 'frame);
                    }
                    Op::CallFun { dst, fun, args } => {
                        // A closure of loaded code is entered directly; anything else
                        // (an export fun, a stale or wrong fun) goes the general way.
                        if let Some((target, index, f)) =
                            closure_target(code, val!(self, base, fun, &nil), args.len())
                        {
                            let Some(callee) = target.function(index) else {
                                return self.fail(at, undef());
                            };
                            self.save_pc(pc);
                            tri!(self.check_room(), at);
                            let new_base = base + size;
                            self.place_args(new_base, args, base, f.env(), callee.frame_size());
                            self.frames.push(Frame {
                                module: target.clone(),
                                func: index,
                                pc: 0,
                                base: new_base as u32,
                                ret: *dst,
                            });
                            if self.spend(budget) {
                                return Ok(Stop::Yield);
                            }
                            continue 'frame;
                        }
                        let av: Vec<Term> = args.iter().map(|s| get!(self, base, s)).collect();
                        let f = get!(self, base, fun);
                        let callee = tri!(self.resolve_fun(code, ctx, &f, av), at);
                        enter!(callee, *dst, false, 'frame);
                    }
                    Op::TailCallFun { fun, args } => {
                        if let Some((target, index, f)) =
                            closure_target(code, val!(self, base, fun, &nil), args.len())
                        {
                            let Some(callee) = target.function(index) else {
                                return self.fail(at, undef());
                            };
                            self.place_args(base, args, base, f.env(), callee.frame_size());
                            if let Some(fr) = self.frames.last_mut() {
                                fr.module = target.clone();
                                fr.func = index;
                                fr.pc = 0;
                            }
                            if self.spend(budget) {
                                return Ok(Stop::Yield);
                            }
                            continue 'frame;
                        }
                        let av: Vec<Term> = args.iter().map(|s| get!(self, base, s)).collect();
                        let f = get!(self, base, fun);
                        let callee = tri!(self.resolve_fun(code, ctx, &f, av), at);
                        enter!(callee, 0, true, 'frame);
                    }
                    Op::Return { src } => {
                        // The frame is going away, so its slot is taken, not cloned.
                        let v = match src {
                            Src::Reg(r) => self
                                .stack
                                .get_mut(base + *r as usize)
                                .map(std::mem::take)
                                .unwrap_or_default(),
                            Src::Const(t) => t.clone(),
                        };
                        let Some(done) = self.frames.pop() else {
                            return Ok(Stop::Exit(Ok(v)));
                        };
                        if !self.handlers.is_empty() {
                            self.drop_handlers();
                        }
                        let Some(caller) = self.frames.last() else {
                            self.args = vec![v.clone()];
                            return Ok(Stop::Exit(Ok(v)));
                        };
                        let (cbase, cpc, cfunc) = (caller.base as usize, caller.pc, caller.func);
                        let same = Rc::ptr_eq(&caller.module, &module);
                        set!(self, cbase, done.ret, v);
                        if !same {
                            continue 'frame;
                        }
                        let Some(cf) = module.function(cfunc) else {
                            return self.fail(cpc, undef());
                        };
                        ops = &cf.code;
                        size = cf.frame_size();
                        pc = cpc;
                        base = cbase;
                    }
                    Op::TryBegin {
                        handler,
                        class,
                        reason,
                        stack,
                    } => {
                        self.handlers.push(Handler {
                            depth: self.frames.len(),
                            pc: *handler,
                            class: *class,
                            reason: *reason,
                            stack: *stack,
                        });
                    }
                    Op::TryEnd => {
                        self.handlers.pop();
                    }
                    Op::RecvPeek { dst, empty } => match self.mailbox.get(self.cursor).cloned() {
                        Some(msg) => set!(self, base, *dst, msg),
                        None => pc = *empty,
                    },
                    Op::RecvSkip { next } => {
                        self.cursor += 1;
                        pc = *next;
                    }
                    Op::RecvAccept => {
                        let index = self.cursor;
                        let msg = self.mailbox.remove(index).unwrap_or_default();
                        self.cursor = 0;
                        self.save_pc(pc);
                        return Ok(Stop::Effect(Effect::Received { index, msg }));
                    }
                    Op::RecvWait { retry, timeout } => {
                        match self.wake.take() {
                            Some(Wake::Message) => {
                                pc = *retry;
                                continue;
                            }
                            Some(Wake::Timeout) => {
                                self.cursor = 0;
                                continue;
                            }
                            None => {}
                        }
                        let t = match timeout {
                            None => None,
                            Some(s) => match get!(self, base, s) {
                                Term::Int(ms) if ms >= 0 => Some(ms as u64),
                                Term::Atom(a) if a == atoms::infinity() => None,
                                _ => {
                                    return self
                                        .fail(at, Exception::error(Term::atom("timeout_value")))
                                }
                            },
                        };
                        if self.cursor < self.mailbox.len() {
                            pc = *retry;
                            continue;
                        }
                        // Even `after 0` goes to the world, which knows whether a
                        // message is already on its way.
                        self.save_pc(at);
                        return Ok(Stop::Wait(t));
                    }
                    Op::Send { dst, to, msg } => {
                        let to = get!(self, base, to);
                        let msg = get!(self, base, msg);
                        if !matches!(to, Term::Pid(_) | Term::Atom(_)) {
                            return self.fail(at, Exception::badarg());
                        }
                        set!(self, base, *dst, msg.clone());
                        self.save_pc(pc);
                        return Ok(Stop::Effect(Effect::Send { to, msg }));
                    }
                }
            }
        }
    }

    /// Counts one reduction; true when the budget is spent.
    #[inline(always)]
    fn spend(&mut self, budget: &mut u64) -> bool {
        self.reductions += 1;
        if crate::alloc::over_limit() {
            // The host's memory bound: this process ends with an error,
            // which frees what it holds.
            self.pending_error = Some(Box::new(Exception::error(Term::tuple(vec![
                Term::Atom(atoms::system_limit()),
                Term::atom("memory"),
            ]))));
            return true;
        }
        *budget = budget.saturating_sub(1);
        *budget == 0
    }
}
