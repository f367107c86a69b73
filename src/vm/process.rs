//! A process and its run loop.
//!
//! A process is a control block (frames, handlers), a stack of slots and a
//! mailbox with a receive cursor, all plain data: cloning a process clones
//! its state. `run` executes until the process stops and says why. This
//! file is the dispatch loop; it is long on purpose, one arm per op.

use super::builtin::BifCtx;
use super::exception::{Class, Exception, Location};
use super::module::{Code, Module};
use super::op::{MatchError, Op, Src};
use super::{arith, bits};
use crate::term::{atoms, Atom, Fun, Pid, Term};
use std::collections::VecDeque;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub struct Frame {
    pub module: Rc<Module>,
    pub func: u32,
    pub pc: u32,
    pub base: u32,
    /// The caller's slot that receives this frame's result.
    pub ret: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Handler {
    depth: usize,
    pc: u32,
    class: u32,
    reason: u32,
    stack: u32,
}

/// Why a waiting process was woken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Wake {
    Message,
    Timeout,
}

/// A visible action the process asks its world to perform.
#[derive(Clone, Debug)]
pub enum Effect {
    Send {
        to: Term,
        msg: Term,
    },
    Output(String),
    /// A `receive` took the message at `index` of the mailbox.
    Received {
        index: usize,
        msg: Term,
    },
    /// A built-in the world performs; answer with `resume_with` or `resume_error`.
    Bif {
        module: Atom,
        function: Atom,
        args: Vec<Term>,
    },
}

/// Why `run` returned.
#[derive(Clone, Debug)]
pub enum Stop {
    /// The process ended: `Ok(value)` of its initial call, or the uncaught exception.
    Exit(Result<Term, Exception>),
    /// Blocked in `receive`; `Some(ms)` when an `after` is pending.
    Wait(Option<u64>),
    /// The reduction budget is spent; the process can run on.
    Yield,
    /// A visible action; the process continues after it is applied.
    Effect(Effect),
}

/// Bounds that keep a process from hurting the host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    pub max_frames: usize,
    pub max_stack: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_frames: 10_000_000,
            max_stack: 50_000_000,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Process {
    pub pid: Pid,
    pub stack: Vec<Term>,
    pub frames: Vec<Frame>,
    handlers: Vec<Handler>,
    pub mailbox: VecDeque<Term>,
    pub cursor: usize,
    pub wake: Option<Wake>,
    pub reductions: u64,
    pub limits: Limits,
    /// The state of this process's random numbers (`rand`).
    pub rand: u64,
    /// The process dictionary (`put/2`, `get/1`).
    pub dict: crate::term::TermMap,
    args: Vec<Term>,
    /// Where the answer of a world built-in goes: a slot, or `None` for a
    /// tail call (the answer is returned).
    pending: Option<Option<u32>>,
    pending_error: Option<Exception>,
    /// Reused for gathering call arguments; always empty between ops.
    scratch: Vec<Term>,
}

/// Result of executing until something other than plain computation.
type Flow = Result<Stop, Exception>;

impl Process {
    /// A process that will call `module`'s function `func` with `args`.
    pub fn new(pid: Pid, module: Rc<Module>, func: u32, args: Vec<Term>, env: &[Term]) -> Process {
        let mut p = Process {
            pid,
            stack: vec![],
            frames: vec![],
            handlers: vec![],
            mailbox: VecDeque::new(),
            cursor: 0,
            wake: None,
            reductions: 0,
            limits: Limits::default(),
            rand: 0,
            dict: crate::term::TermMap::new(),
            args: vec![],
            pending: None,
            pending_error: None,
            scratch: vec![],
        };
        let mut all = args;
        all.extend_from_slice(env);
        let slots = module.function(func).map_or(1, |f| f.frame_size());
        all.resize(slots.max(all.len()), Term::Nil);
        p.stack = all;
        p.frames.push(Frame {
            module,
            func,
            pc: 0,
            base: 0,
            ret: 0,
        });
        p
    }

    /// Lets go of everything an ended process held but its pid and the
    /// state of its random numbers.
    pub fn end(&mut self) {
        self.stack.clear();
        self.frames.clear();
        self.handlers.clear();
        self.mailbox.clear();
        self.cursor = 0;
        self.wake = None;
        self.dict = crate::term::TermMap::new();
        self.args.clear();
        self.pending = None;
        self.pending_error = None;
        self.scratch = vec![];
    }

    /// Answers a world built-in the process asked for.
    pub fn resume_with(&mut self, v: Term) {
        match self.pending.take() {
            Some(Some(dst)) => {
                let base = self.frames.last().map(|f| f.base as usize).unwrap_or(0);
                if let Some(s) = self.stack.get_mut(base + dst as usize) {
                    std::mem::replace(s, v).discard();
                }
            }
            Some(None) => {
                self.pop_frame(v);
            }
            None => {}
        }
    }

    /// Makes a world built-in fail with `e` in the process.
    pub fn resume_error(&mut self, e: Exception) {
        self.pending = None;
        self.pending_error = Some(e);
    }

    /// Raises `e` at the process's current point (an exit signal it cannot trap).
    pub fn kill(&mut self, e: Exception) {
        self.pending_error = Some(e);
    }

    /// Runs for at most `budget` reductions.
    pub fn run(&mut self, code: &Code, ctx: &mut BifCtx, budget: u64) -> Stop {
        let mut budget = budget;
        loop {
            match self.exec(code, ctx, &mut budget) {
                Ok(stop) => return stop,
                Err(e) => {
                    if let Some(stop) = self.unwind(e) {
                        return stop;
                    }
                }
            }
        }
    }

    fn location(&self, pc: u32) -> Option<Location> {
        let f = self.frames.last()?;
        let code = f.module.function(f.func)?;
        let span = code.span_at(pc as usize);
        Some(Location {
            module: f.module.name,
            function: code.name,
            arity: code.arity,
            span,
            line: f.module.line_of(span.lo),
        })
    }

    /// Finds the innermost handler; returns a stop when there is none.
    fn unwind(&mut self, e: Exception) -> Option<Stop> {
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

    fn push_frame(
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
    fn replace_frame(&mut self, module: Rc<Module>, func: u32, args: &[Term]) {
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
    fn truncate_stack(&mut self, len: usize) {
        for t in self.stack.drain(len.min(self.stack.len())..) {
            t.discard();
        }
    }

    /// The slot past the top frame's last one.
    fn live_top(&self) -> usize {
        self.frames.last().map_or(0, |f| {
            f.base as usize + f.module.function(f.func).map_or(0, |c| c.frame_size())
        })
    }

    /// Drops slots above the top frame.
    fn trim(&mut self) {
        let top = self.live_top();
        if self.stack.len() > top {
            self.truncate_stack(top);
        }
    }

    /// Drops the handlers of frames that are gone.
    fn drop_handlers(&mut self) {
        while self
            .handlers
            .last()
            .is_some_and(|h| h.depth > self.frames.len())
        {
            self.handlers.pop();
        }
    }

    fn pop_frame(&mut self, v: Term) -> bool {
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

    fn resolve_fun(
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

fn undef() -> Exception {
    Exception::error(Term::Atom(atoms::undef()))
}

/// What a call by name turned into.
enum Callee {
    Code(Rc<Module>, u32, Vec<Term>),
    Value(Term),
    /// A built-in that only the world can perform (spawn, link, ...).
    World(Atom, Atom, Vec<Term>),
}

/// The code a closure call enters when the fun is a closure of the loaded
/// version of its module and takes `nargs` arguments.
fn closure_target(code: &Code, fun: &Term, nargs: usize) -> Option<(Rc<Module>, u32, Rc<Fun>)> {
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

fn match_error(e: MatchError, v: Term) -> Exception {
    match e {
        MatchError::Badmatch => Exception::tagged("badmatch", v),
        MatchError::CaseClause => Exception::tagged("case_clause", v),
        MatchError::TryClause => Exception::tagged("try_clause", v),
        MatchError::IfClause => Exception::error(Term::Atom(atoms::if_clause())),
        MatchError::FunctionClause => Exception::error(Term::Atom(atoms::function_clause())),
        MatchError::BadGenerator => Exception::tagged("bad_generator", v),
        MatchError::BadFilter => Exception::tagged("bad_filter", v),
    }
}

impl Process {
    /// Calls `m:f(args)` by name: module code, a built-in, or `apply`.
    fn call_named(
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

    fn apply(&mut self, code: &Code, ctx: &mut BifCtx, args: &[Term]) -> Result<Callee, Exception> {
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

macro_rules! get {
    ($self:ident, $base:ident, $src:expr) => {
        match $src {
            Src::Reg(r) => $self
                .stack
                .get($base + *r as usize)
                .cloned()
                .unwrap_or_default(),
            Src::Const(t) => t.clone(),
        }
    };
}

/// Borrows an operand without cloning it; `$nil` stands in for a bad slot.
macro_rules! val {
    ($self:ident, $base:ident, $src:expr, $nil:expr) => {
        match $src {
            Src::Reg(r) => $self.stack.get($base + *r as usize).unwrap_or($nil),
            Src::Const(t) => t,
        }
    };
}

/// `set!` for a small integer: a slot that holds one is updated in place,
/// which spares building the term in memory and copying it.
macro_rules! set_int {
    ($self:ident, $base:ident, $dst:expr, $r:expr) => {{
        let r: i64 = $r;
        match $self.stack.get_mut($base + $dst as usize) {
            Some(Term::Int(d)) => *d = r,
            Some(s) => std::mem::replace(s, Term::Int(r)).discard(),
            None => {}
        }
    }};
}

macro_rules! set {
    ($self:ident, $base:ident, $dst:expr, $v:expr) => {{
        let v = $v;
        if let Some(s) = $self.stack.get_mut($base + $dst as usize) {
            std::mem::replace(s, v).discard();
        }
    }};
}

impl Process {
    /// A new frame must fit within the process's bounds.
    fn check_room(&self) -> Result<(), Exception> {
        if self.frames.len() >= self.limits.max_frames || self.stack.len() >= self.limits.max_stack
        {
            return Err(Exception::system_limit());
        }
        Ok(())
    }

    fn save_pc(&mut self, pc: u32) {
        if let Some(f) = self.frames.last_mut() {
            f.pc = pc;
        }
    }

    fn fail(&mut self, pc: u32, mut e: Exception) -> Flow {
        if e.location.is_none() {
            e.location = self.location(pc);
        }
        self.save_pc(pc);
        Err(e)
    }

    #[allow(clippy::too_many_lines)]
    fn exec(&mut self, code: &Code, ctx: &mut BifCtx, budget: &mut u64) -> Flow {
        let flow = self.exec_slice(code, ctx, budget);
        // Outside `exec_slice` the stack ends at the top frame's last slot.
        self.trim();
        flow
    }

    /// The dispatch loop. Within it the stack may hold slots above the top
    /// frame left by frames that returned; `exec` trims them.
    fn exec_slice(&mut self, code: &Code, ctx: &mut BifCtx, budget: &mut u64) -> Flow {
        if let Some(mut e) = self.pending_error.take() {
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
                    Op::Tuple { dst, elems } => {
                        let v: Vec<Term> = elems.iter().map(|s| get!(self, base, s)).collect();
                        set!(self, base, *dst, Term::tuple(v));
                    }
                    Op::Cons { dst, head, tail } => {
                        let h = get!(self, base, head);
                        let t = get!(self, base, tail);
                        set!(self, base, *dst, Term::cons(h, t));
                    }
                    Op::MapNew { dst, pairs } => {
                        let mut map = crate::term::TermMap::new();
                        for (k, v) in pairs.iter() {
                            crate::term::map_set(
                                &mut map,
                                get!(self, base, k),
                                get!(self, base, v),
                            );
                        }
                        set!(self, base, *dst, Term::Map(Rc::new(map)));
                    }
                    Op::MapUpdate { dst, map, pairs } => {
                        let mv = get!(self, base, map);
                        let Term::Map(mut mp) = mv else {
                            return self.fail(at, Exception::tagged("badmap", mv));
                        };
                        let inner = Rc::make_mut(&mut mp);
                        for (k, v, exact) in pairs.iter() {
                            let k = get!(self, base, k);
                            if *exact && !inner.contains_key(&k) {
                                return self.fail(at, Exception::tagged("badkey", k));
                            }
                            crate::term::map_set(inner, k, get!(self, base, v));
                        }
                        set!(self, base, *dst, Term::Map(mp));
                    }
                    Op::MakeFun { dst, index, env } => {
                        let env: Vec<Term> = env.iter().map(|s| get!(self, base, s)).collect();
                        let (arity, name) = module
                            .function(*index)
                            .map(|f| (f.arity, f.display))
                            .unwrap_or((0, atoms::undefined()));
                        let fun = Fun::Closure {
                            module: module.name,
                            index: *index,
                            arity,
                            uniq: module.uniq,
                            env,
                            name,
                        };
                        set!(self, base, *dst, Term::Fun(Rc::new(fun)));
                    }
                    Op::MakeExportFun {
                        dst,
                        module: md,
                        function,
                        arity,
                    } => {
                        let (md, f, a) = (
                            get!(self, base, md),
                            get!(self, base, function),
                            get!(self, base, arity),
                        );
                        match (md, f, a) {
                            (Term::Atom(md), Term::Atom(f), Term::Int(a))
                                if (0..=255).contains(&a) =>
                            {
                                let fun = Fun::Export {
                                    module: md,
                                    function: f,
                                    arity: a as u32,
                                };
                                set!(self, base, *dst, Term::Fun(Rc::new(fun)));
                            }
                            _ => return self.fail(at, Exception::badarg()),
                        }
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
                    Op::TestMap { src, fail } => {
                        if !matches!(get!(self, base, src), Term::Map(_)) {
                            pc = *fail;
                        }
                    }
                    Op::BinBuild { dst, segs, fail } => {
                        let mut w = bits::Writer::new();
                        let mut res = Ok(());
                        for seg in segs.iter() {
                            let size = seg.size.as_ref().map(|s| val!(self, base, s, &nil));
                            res = w.segment(val!(self, base, &seg.value, &nil), size, seg.spec);
                            if res.is_err() {
                                break;
                            }
                        }
                        match res.and_then(|()| w.finish()) {
                            Ok(v) => set!(self, base, *dst, v),
                            Err(e) => match fail {
                                Some(l) => pc = *l,
                                None => return self.fail(at, e),
                            },
                        }
                    }
                    Op::BinFromRows { dst, rows, segs } => {
                        match bits::build_rows(val!(self, base, rows, &nil), segs) {
                            Ok(v) => set!(self, base, *dst, v),
                            Err(e) => return self.fail(at, e),
                        }
                    }
                    Op::TestBinary { src, fail } => {
                        if !matches!(val!(self, base, src, &nil), Term::Binary(_)) {
                            pc = *fail;
                        }
                    }
                    Op::BinGet {
                        dst,
                        src,
                        pos,
                        size,
                        spec,
                        fail,
                    } => {
                        let at_bit = match self.stack.get(base + *pos as usize) {
                            Some(Term::Int(p)) => *p as u64,
                            _ => 0,
                        };
                        let got = match val!(self, base, src, &nil) {
                            Term::Binary(b) => {
                                let size = size.as_ref().map(|s| val!(self, base, s, &nil));
                                bits::read(b, at_bit, size, *spec)
                            }
                            _ => Ok(None),
                        };
                        match got {
                            Ok(Some((v, next))) => {
                                set!(self, base, *dst, v);
                                set_int!(self, base, *pos, next as i64);
                            }
                            Ok(None) => pc = *fail,
                            Err(e) => return self.fail(at, e),
                        }
                    }
                    Op::BinEnd { src, pos, fail } => {
                        let at_end = match (
                            val!(self, base, src, &nil),
                            self.stack.get(base + *pos as usize),
                        ) {
                            (Term::Binary(b), Some(Term::Int(p))) => {
                                *p as u64 == 8 * b.len() as u64
                            }
                            _ => false,
                        };
                        if !at_end {
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
                    Op::MapGet {
                        dst,
                        map,
                        key,
                        fail,
                    } => {
                        let found = match get!(self, base, map) {
                            Term::Map(mp) => mp.get(&get!(self, base, key)).cloned(),
                            _ => None,
                        };
                        match found {
                            Some(v) => set!(self, base, *dst, v),
                            None => pc = *fail,
                        }
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
                    Op::Fail { error, value } => {
                        let v = get!(self, base, value);
                        return self.fail(at, match_error(*error, v));
                    }
                    Op::Raise { class, reason } => {
                        let r = get!(self, base, reason);
                        let c = Class::from_atom(*class).unwrap_or(Class::Error);
                        return self.fail(at, Exception::new(c, r));
                    }
                    Op::Reraise {
                        class,
                        reason,
                        stack,
                    } => {
                        let c = match get!(self, base, class) {
                            Term::Atom(a) => Class::from_atom(a).unwrap_or(Class::Error),
                            _ => Class::Error,
                        };
                        let mut e = Exception::new(c, get!(self, base, reason));
                        e.stack = Some(get!(self, base, stack));
                        e.location = self.location(at);
                        self.save_pc(at);
                        return Err(e);
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
                    Op::CatchValue {
                        dst,
                        class,
                        reason,
                        stack,
                    } => {
                        let c = get!(self, base, &Src::Reg(*class));
                        let r = get!(self, base, &Src::Reg(*reason));
                        let v = match c {
                            Term::Atom(a) if a == atoms::throw() => r,
                            Term::Atom(a) if a == atoms::exit() => {
                                Term::tuple(vec![Term::Atom(atoms::exit_tag()), r])
                            }
                            _ => {
                                let s = get!(self, base, &Src::Reg(*stack));
                                Term::tuple(vec![
                                    Term::Atom(atoms::exit_tag()),
                                    Term::tuple(vec![r, s]),
                                ])
                            }
                        };
                        set!(self, base, *dst, v);
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

    /// Writes call arguments (read from the caller's slots at `base`) and a
    /// fun's captured variables into the slots from `at`, and makes sure
    /// the stack holds `size` slots from there. The values are gathered
    /// first, so `at` may be the caller's own frame (a tail call).
    fn place_args(&mut self, at: usize, args: &[Src], base: usize, env: &[Term], size: usize) {
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

    /// Counts one reduction; true when the budget is spent.
    #[inline(always)]
    fn spend(&mut self, budget: &mut u64) -> bool {
        self.reductions += 1;
        if crate::alloc::over_limit() {
            // The host's memory bound: this process ends with an error,
            // which frees what it holds.
            self.pending_error = Some(Exception::error(Term::tuple(vec![
                Term::Atom(atoms::system_limit()),
                Term::atom("memory"),
            ])));
            return true;
        }
        *budget = budget.saturating_sub(1);
        *budget == 0
    }

    /// Enters what a call by name resolved to. Returns a stop when the
    /// process ended (a tail-called built-in returning from the last frame).
    fn enter(
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

impl std::hash::Hash for Frame {
    /// Code is identified by module name and version, not by address.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (
            self.module.name,
            self.module.uniq,
            self.func,
            self.pc,
            self.base,
            self.ret,
        )
            .hash(state);
    }
}

impl Process {
    /// Calls `f` with the stack index of every slot some frame may still
    /// read (by the compiler's liveness pass), bottom frame first. A slot
    /// about to receive a call's result or a built-in's answer is dead.
    pub fn live_slots(&self, mut f: impl FnMut(usize)) {
        let n = self.frames.len();
        for (i, fr) in self.frames.iter().enumerate() {
            let Some(code) = fr.module.function(fr.func) else {
                continue;
            };
            let written = match self.frames.get(i + 1) {
                Some(above) => Some(above.ret),
                None if i + 1 == n => self.pending.flatten(),
                None => None,
            };
            for slot in 0..code.frame_size() {
                if Some(slot as u32) != written && code.live.is_live(fr.pc as usize, slot) {
                    f(fr.base as usize + slot);
                }
            }
        }
    }

    /// Empties every slot no frame will read again, freeing what it held.
    /// Nothing changes in what the process does: a test runs programs with
    /// this after every step to check the compiler's liveness pass.
    pub fn scrub_dead_slots(&mut self) {
        let mut live = vec![false; self.stack.len()];
        self.live_slots(|i| {
            if let Some(l) = live.get_mut(i) {
                *l = true;
            }
        });
        for (slot, keep) in self.stack.iter_mut().zip(live) {
            if !keep {
                std::mem::replace(slot, Term::Nil).discard();
            }
        }
    }
}

impl std::hash::Hash for Process {
    /// What decides the process's future: its live slots (stale ones are
    /// left out), frames, handlers, mailbox, random state and dictionary.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.pid.hash(state);
        self.live_slots(|i| {
            if let Some(v) = self.stack.get(i) {
                (i, v).hash(state);
            }
        });
        self.frames.hash(state);
        self.handlers.hash(state);
        self.mailbox.hash(state);
        self.cursor.hash(state);
        self.rand.hash(state);
        self.dict.hash(state);
        self.wake.hash(state);
        self.pending.hash(state);
        self.pending_error.hash(state);
    }
}
