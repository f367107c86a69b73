//! The call and frame machinery: entering and leaving frames, resolving
//! funs and names to code, built-ins or world actions, and unwinding an
//! exception to the innermost handler.

use super::{Flow, Frame, Process};
use crate::term::{atoms, Atom, Fun, Term};
use crate::vm::builtin::BifCtx;
use crate::vm::exception::{Class, Exception};
use crate::vm::module::{Code, Module};
use crate::vm::op::Src;
use crate::vm::stop::{Effect, Stop};
use std::rc::Rc;

impl Process {
    /// Finds the innermost handler; returns a stop when there is none.
    pub(super) fn unwind(&mut self, e: Exception) -> Option<Stop> {
        let Some(h) = self.handlers.pop() else {
            self.frames.clear();
            self.stack.clear();
            return Some(Stop::Exit(Err(e)));
        };
        self.frames.truncate(h.depth);
        let Some(f) = self.frames.last_mut() else {
            return Some(Stop::Exit(Err(e)));
        };
        f.pc = h.pc;
        let base = f.base as usize;
        let top = base
            + f.module
                .function(f.func)
                .map(|c| c.frame_size())
                .unwrap_or(0);
        self.stack.truncate(top);
        let stack_term = e.stack_term();
        let vals = [
            (h.class, Term::Atom(e.class.atom())),
            (h.reason, e.reason),
            (h.stack, stack_term),
        ];
        for (slot, v) in vals {
            if let Some(s) = self.stack.get_mut(base + slot as usize) {
                std::mem::replace(s, v).discard();
            }
        }
        None
    }

    pub(super) fn push_frame(
        &mut self,
        module: Rc<Module>,
        func: u32,
        args: &[Term],
        ret: u32,
    ) -> Result<(), Exception> {
        self.trim();
        self.check_room()?;
        let slots = module.function(func).map(|f| f.frame_size()).unwrap_or(1);
        let base = self.stack.len();
        self.stack.extend_from_slice(args);
        let fill = (base + slots.max(args.len())).saturating_sub(self.stack.len());
        self.stack
            .extend(std::iter::repeat_with(|| Term::Nil).take(fill));
        self.frames.push(Frame {
            module,
            func,
            pc: 0,
            base: base as u32,
            ret,
        });
        Ok(())
    }

    /// Replaces the top frame's function and arguments (a tail call).
    pub(super) fn replace_frame(&mut self, module: Rc<Module>, func: u32, args: &[Term]) {
        let slots = module.function(func).map_or(1, |f| f.frame_size());
        if let Some(f) = self.frames.last_mut() {
            let base = f.base as usize;
            self.stack.truncate(base);
            self.stack.extend_from_slice(args);
            let fill = (base + slots.max(args.len())).saturating_sub(self.stack.len());
            self.stack
                .extend(std::iter::repeat_with(|| Term::Nil).take(fill));
            f.module = module;
            f.func = func;
            f.pc = 0;
        }
    }

    /// Pops the top frame, delivering `v` to the caller. Returns true when
    /// the process's initial call has returned.
    /// Shortens the stack to `len` slots, skipping drop code for immediates.
    #[inline]
    pub(super) fn truncate_stack(&mut self, len: usize) {
        for t in self.stack.drain(len.min(self.stack.len())..) {
            t.discard();
        }
    }

    /// The slot past the top frame's last one.
    pub(super) fn live_top(&self) -> usize {
        self.frames.last().map_or(0, |f| {
            f.base as usize + f.module.function(f.func).map_or(0, |c| c.frame_size())
        })
    }

    /// Drops slots above the top frame.
    pub(super) fn trim(&mut self) {
        let top = self.live_top();
        if self.stack.len() > top {
            self.truncate_stack(top);
        }
    }

    /// Drops the handlers of frames that are gone.
    pub(super) fn drop_handlers(&mut self) {
        while self
            .handlers
            .last()
            .is_some_and(|h| h.depth > self.frames.len())
        {
            self.handlers.pop();
        }
    }

    pub(super) fn pop_frame(&mut self, v: Term) -> bool {
        let Some(f) = self.frames.pop() else {
            return true;
        };
        self.stack.truncate(f.base as usize);
        while self
            .handlers
            .last()
            .is_some_and(|h| h.depth > self.frames.len())
        {
            self.handlers.pop();
        }
        match self.frames.last() {
            Some(caller) => {
                let i = caller.base as usize + f.ret as usize;
                if let Some(s) = self.stack.get_mut(i) {
                    std::mem::replace(s, v).discard();
                }
                false
            }
            None => {
                self.args = vec![v];
                true
            }
        }
    }

    pub(super) fn resolve_fun(
        &mut self,
        code: &Code,
        ctx: &mut BifCtx,
        fun: &Term,
        args: Vec<Term>,
    ) -> Result<Callee, Exception> {
        let bad = || Exception::tagged("badfun", fun.clone());
        let Term::Fun(f) = fun else { return Err(bad()) };
        if f.arity() as usize != args.len() {
            return Err(Exception::tagged(
                "badarity",
                Term::tuple(vec![fun.clone(), Term::list(args)]),
            ));
        }
        match &**f {
            Fun::Closure {
                module,
                index,
                uniq,
                env,
                ..
            } => {
                let m = code
                    .get(*module)
                    .filter(|m| m.uniq == *uniq)
                    .ok_or_else(bad)?;
                let mut all = args;
                all.extend_from_slice(env);
                Ok(Callee::Code(m.clone(), *index, all))
            }
            Fun::Export {
                module, function, ..
            } => self.call_named(
                code,
                ctx,
                &Term::Atom(*module),
                &Term::Atom(*function),
                args,
            ),
        }
    }
}

pub(super) fn undef() -> Exception {
    Exception::error(Term::Atom(atoms::undef()))
}

/// What a call by name turned into.
pub(super) enum Callee {
    Code(Rc<Module>, u32, Vec<Term>),
    Value(Term),
    /// A built-in that only the world can perform (spawn, link, ...).
    World(Atom, Atom, Vec<Term>),
}

/// The code a closure call enters when the fun is a closure of the loaded
/// version of its module and takes `nargs` arguments.
pub(super) fn closure_target(
    code: &Code,
    fun: &Term,
    nargs: usize,
) -> Option<(Rc<Module>, u32, Rc<Fun>)> {
    let Term::Fun(f) = fun else { return None };
    let Fun::Closure {
        module,
        index,
        arity,
        uniq,
        ..
    } = &**f
    else {
        return None;
    };
    if *arity as usize != nargs {
        return None;
    }
    let m = code.get(*module).filter(|m| m.uniq == *uniq)?;
    Some((m.clone(), *index, f.clone()))
}

impl Process {
    /// Calls `m:f(args)` by name: module code, a built-in, or `apply`.
    pub(super) fn call_named(
        &mut self,
        code: &Code,
        ctx: &mut BifCtx,
        m: &Term,
        f: &Term,
        args: Vec<Term>,
    ) -> Result<Callee, Exception> {
        let (Term::Atom(ma), Term::Atom(fa)) = (m, f) else {
            return Err(Exception::tagged(
                "badfun",
                Term::tuple(vec![m.clone(), f.clone()]),
            ));
        };
        if let Some((md, i)) = code.export(*ma, *fa, args.len() as u32) {
            return Ok(Callee::Code(md, i, args));
        }
        if ma.name() == "erlang" && fa.name() == "apply" {
            return self.apply(code, ctx, &args);
        }
        if let Some(b) = code.builtins().lookup(ma.name(), fa.name(), args.len()) {
            return (b.f)(ctx, &args).map(Callee::Value);
        }
        if code.builtins().is_world(ma.name(), fa.name(), args.len()) {
            return Ok(Callee::World(*ma, *fa, args));
        }
        if ma.name() == "erlang" {
            if let Some(class) = Class::from_atom(*fa) {
                if let Some(r) = args.first() {
                    return Err(Exception::new(class, r.clone()));
                }
            }
        }
        // As OTP: the stack starts with the call that had no function.
        let mut e = undef();
        e.stack = Some(Term::list(vec![Term::tuple(vec![
            Term::Atom(*ma),
            Term::Atom(*fa),
            Term::list(args),
            Term::Nil,
        ])]));
        Err(e)
    }

    pub(super) fn apply(
        &mut self,
        code: &Code,
        ctx: &mut BifCtx,
        args: &[Term],
    ) -> Result<Callee, Exception> {
        match args {
            [fun, list] => {
                let a = list.list_to_vec().ok_or_else(Exception::badarg)?;
                self.resolve_fun(code, ctx, fun, a)
            }
            [m, f, list] => {
                let a = list.list_to_vec().ok_or_else(Exception::badarg)?;
                self.call_named(code, ctx, m, f, a)
            }
            _ => Err(Exception::badarg()),
        }
    }
}

impl Process {
    /// A new frame must fit within the process's bounds.
    pub(super) fn check_room(&self) -> Result<(), Exception> {
        if self.frames.len() >= self.limits.max_frames || self.stack.len() >= self.limits.max_stack
        {
            return Err(Exception::system_limit());
        }
        Ok(())
    }

    pub(super) fn save_pc(&mut self, pc: u32) {
        if let Some(f) = self.frames.last_mut() {
            f.pc = pc;
        }
    }

    pub(super) fn fail(&mut self, pc: u32, mut e: Exception) -> Flow {
        if e.location.is_none() {
            e.location = self.location(pc);
        }
        self.save_pc(pc);
        Err(e)
    }

    /// Writes call arguments (read from the caller's slots at `base`) and a
    /// fun's captured variables into the slots from `at`, and makes sure
    /// the stack holds `size` slots from there. The values are gathered
    /// first, so `at` may be the caller's own frame (a tail call).
    pub(super) fn place_args(
        &mut self,
        at: usize,
        args: &[Src],
        base: usize,
        env: &[Term],
        size: usize,
    ) {
        let mut av = std::mem::take(&mut self.scratch);
        av.extend(args.iter().map(|s| get!(self, base, s)));
        av.extend_from_slice(env);
        for (i, v) in av.drain(..).enumerate() {
            match self.stack.get_mut(at + i) {
                Some(slot) => std::mem::replace(slot, v).discard(),
                None => self.stack.push(v),
            }
        }
        self.scratch = av;
        if self.stack.len() < at + size {
            self.stack.resize_with(at + size, || Term::Nil);
        }
    }

    /// Enters what a call by name resolved to. Returns a stop when the
    /// process ended (a tail-called built-in returning from the last frame).
    pub(super) fn enter(
        &mut self,
        callee: Callee,
        dst: u32,
        pc: u32,
        tail: bool,
        at: u32,
    ) -> Result<Option<Stop>, Exception> {
        match callee {
            Callee::Code(md, i, args) => {
                if tail {
                    self.replace_frame(md, i, &args);
                } else {
                    self.save_pc(pc);
                    if let Err(e) = self.push_frame(md, i, &args, dst) {
                        self.fail(at, e)?;
                    }
                }
                Ok(None)
            }
            Callee::World(module, function, args) => {
                self.pending = Some(if tail { None } else { Some(dst) });
                self.save_pc(pc);
                Ok(Some(Stop::Effect(Effect::Bif {
                    module,
                    function,
                    args,
                })))
            }
            Callee::Value(v) => {
                if tail {
                    if self.pop_frame(v.clone()) {
                        return Ok(Some(Stop::Exit(Ok(v))));
                    }
                } else {
                    let base = self.frames.last().map(|f| f.base as usize).unwrap_or(0);
                    set!(self, base, dst, v);
                    self.save_pc(pc);
                }
                Ok(None)
            }
        }
    }
}
