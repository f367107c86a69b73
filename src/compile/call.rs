//! Code generation for calls and funs: local, imported, built-in and
//! remote calls, fun values and fun calls.

use super::func::FnBuilder;
use crate::diag::Diagnostic;
use crate::syntax::ast::{Clause, Expr, ExprKind, Span};
use crate::term::{atoms, Atom, Term};
use crate::vm::op::{Op, Reg, Src};
use std::collections::BTreeSet;

/// How a call by name resolves.
enum Target {
    Local(u32),
    Remote(Atom, Atom),
}

impl FnBuilder<'_> {
    /// Compiles a call; `dst` None means tail position.
    pub fn call(&mut self, callee: &Expr, args: &[Expr], dst: Option<Reg>, span: Span) {
        match &callee.kind {
            ExprKind::Atom(name) if self.in_guard && old_type_test(name.name(), args.len()) => {
                // `list(X)` in a guard is the obsolete spelling of `is_list(X)`.
                let new = format!("is_{}", name.name());
                self.error(
                    Diagnostic::warning(format!(
                        "{}/{} obsolete (use {new}/{})",
                        name.name(),
                        args.len(),
                        args.len()
                    ))
                    .at(callee.span, "an old type test")
                    .help(format!("write `{new}(...)`")),
                );
                let callee = Expr::new(ExprKind::Atom(Atom::new(&new)), callee.span);
                self.call(&callee, args, dst, span)
            }
            ExprKind::Atom(name) => {
                let arity = args.len();
                let key = (*name, arity as u32);
                if self.in_guard
                    && (self.m.locals.contains_key(&key) || self.m.imports.contains_key(&key))
                    && self.m.fallback.is_none()
                {
                    self.error(
                        Diagnostic::error(format!(
                            "call to local/imported function {}/{arity} is illegal in guard",
                            name.name()
                        ))
                        .at(span, "not allowed in a guard")
                        .help(format!(
                            "a guard may call only built-ins; `erlang:{}/{arity}` is the built-in",
                            name.name()
                        )),
                    );
                    return self.finish_call(dst, Src::Const(Term::bool(false)));
                }
                if self.in_guard && !crate::bif::is_guard_bif(name.name(), arity) {
                    self.not_in_guard(&format!("{}/{}", name.name(), arity), span);
                    return self.finish_call(dst, Src::Const(Term::bool(false)));
                }
                match self.resolve_local(*name, arity, callee.span) {
                    Some(Target::Local(func)) => {
                        let args = self.args(args);
                        match dst {
                            Some(dst) => self.emit(Op::Call { dst, func, args }),
                            None => self.emit(Op::TailCall { func, args }),
                        }
                    }
                    Some(Target::Remote(m, f)) => self.remote(m, f, args, dst),
                    None => self.finish_call(dst, Src::Const(Term::Nil)),
                }
            }
            ExprKind::Remote(m, f) => match (&m.kind, &f.kind) {
                (ExprKind::Atom(m), ExprKind::Atom(f)) => {
                    if self.in_guard
                        && !(m.name() == "erlang" && crate::bif::is_guard_bif(f.name(), args.len()))
                    {
                        self.not_in_guard(
                            &format!("{}:{}/{}", m.name(), f.name(), args.len()),
                            span,
                        );
                        return self.finish_call(dst, Src::Const(Term::bool(false)));
                    }
                    self.check_known_remote(*m, *f, args.len(), callee.span);
                    self.remote(*m, *f, args, dst)
                }
                _ => {
                    let module = self.expr(m);
                    let function = self.expr(f);
                    let args = self.args(args);
                    let d = dst.unwrap_or_else(|| self.temp());
                    self.emit(Op::CallDyn {
                        dst: d,
                        module,
                        function,
                        args,
                    });
                    if dst.is_none() {
                        self.emit(Op::Return { src: Src::Reg(d) });
                    }
                }
            },
            _ => {
                if self.in_guard {
                    self.not_in_guard("a fun", span);
                    return self.finish_call(dst, Src::Const(Term::bool(false)));
                }
                let fun = self.expr(callee);
                let args = self.args(args);
                match dst {
                    Some(dst) => self.emit(Op::CallFun { dst, fun, args }),
                    None => self.emit(Op::TailCallFun { fun, args }),
                }
            }
        }
    }

    fn finish_call(&mut self, dst: Option<Reg>, v: Src) {
        match dst {
            Some(d) => self.mov(d, v),
            None => self.emit(Op::Return { src: v }),
        }
    }

    /// A local function named like an auto-imported built-in: erlc refuses
    /// the unqualified call for the old built-ins and warns for the newer
    /// ones, unless `-compile({no_auto_import, [F/N]})` says it is meant.
    fn check_shadowed_bif(&mut self, name: Atom, arity: usize, span: Span) {
        let n = name.name();
        if !(crate::bif::auto_imported(n, arity) || crate::bif::otp_auto_imported(n, arity))
            || self.m.no_auto_import_all
            || self.m.no_auto_import.contains(&(name, arity as u32))
        {
            return;
        }
        let old = crate::bif::old_bif(n, arity);
        let message = format!(
            "ambiguous call of overridden {}auto-imported BIF {n}/{arity}",
            if old { "pre R14 " } else { "" }
        );
        let d = if old {
            Diagnostic::error(message)
        } else {
            Diagnostic::warning(message)
        };
        self.error(
            d.at(span, "this calls the local function")
                .help(format!(
                    "use erlang:{n}/{arity} for the built-in, or add `-compile({{no_auto_import, [{n}/{arity}]}}).` to call the local function"
                )),
        );
    }

    fn not_in_guard(&mut self, what: &str, span: Span) {
        self.error(
            Diagnostic::error(format!("{what} cannot be called in a guard"))
                .at(span, "not allowed in a guard")
                .help("guards may only use comparisons, arithmetic, type tests such as `is_integer/1` and a few BIFs like `length/1`; compute the value before the clause and match on it, or use `case`"),
        );
    }

    fn args(&mut self, args: &[Expr]) -> Box<[Src]> {
        args.iter().map(|a| self.expr(a)).collect::<Vec<_>>().into()
    }

    fn remote(&mut self, m: Atom, f: Atom, args: &[Expr], dst: Option<Reg>) {
        // Raising BIFs become a raise.
        if m == atoms::erlang() && (args.len() == 1 || (args.len() == 2 && f == atoms::error())) {
            let class = match f.name() {
                "throw" => Some(atoms::throw()),
                "error" => Some(atoms::error()),
                "exit" if args.len() == 1 => Some(atoms::exit()),
                _ => None,
            };
            if let Some(class) = class {
                let srcs = self.args(args);
                let reason = srcs.first().cloned().unwrap_or(Src::Const(Term::Nil));
                self.emit(Op::Raise { class, reason });
                if let Some(d) = dst {
                    self.emit(Op::Move {
                        dst: d,
                        src: Src::Const(Term::Nil),
                    });
                }
                return;
            }
        }
        let srcs = self.args(args);
        if let Some(bif) = crate::bif::lookup(m.name(), f.name(), args.len()) {
            let d = dst.unwrap_or_else(|| self.temp());
            let fail = self.guard_fail;
            self.emit(Op::Bif {
                dst: d,
                bif,
                args: srcs,
                fail,
            });
            if dst.is_none() {
                self.emit(Op::Return { src: Src::Reg(d) });
            }
            return;
        }
        match dst {
            Some(dst) => self.emit(Op::CallExt {
                dst,
                module: m,
                function: f,
                args: srcs,
            }),
            None => self.emit(Op::TailCallExt {
                module: m,
                function: f,
                args: srcs,
            }),
        }
    }

    fn resolve_local(&mut self, name: Atom, arity: usize, span: Span) -> Option<Target> {
        if let Some(i) = self.m.locals.get(&(name, arity as u32)).copied() {
            self.check_shadowed_bif(name, arity, span);
            return Some(Target::Local(i));
        }
        if let Some(m) = self.m.imports.get(&(name, arity as u32)) {
            return Some(Target::Remote(*m, name));
        }
        if crate::bif::auto_imported(name.name(), arity) {
            return Some(Target::Remote(atoms::erlang(), name));
        }
        if crate::bif::otp_auto_imported(name.name(), arity) {
            self.error(
                Diagnostic::warning(format!(
                    "erlang:{}/{arity} is an Erlang built-in that pidlab does not provide; this call will fail with `undef`",
                    name.name()
                ))
                .at(span, "not available in pidlab")
                .help("ARCHITECTURE.md lists the library pidlab has"),
            );
            return Some(Target::Remote(atoms::erlang(), name));
        }
        if let Some(m) = self.m.fallback {
            return Some(Target::Remote(m, name));
        }
        let mut d = Diagnostic::error(format!("function {}/{} is undefined", name.name(), arity))
            .at(
                span,
                format!("no function {}/{} in this module", name.name(), arity),
            );
        let same_name: Vec<u32> = self
            .m
            .locals
            .keys()
            .filter(|(n, _)| *n == name)
            .map(|(_, a)| *a)
            .collect();
        if let Some(a) = same_name.first() {
            d = d.help(format!(
                "{}/{} exists: it takes {} argument{}, and this call passes {}",
                name.name(),
                a,
                a,
                if *a == 1 { "" } else { "s" },
                arity
            ));
        } else {
            let names: Vec<String> = self
                .m
                .locals
                .keys()
                .filter(|(_, a)| *a == arity as u32)
                .map(|(n, _)| n.name().to_string())
                .chain(
                    crate::bif::auto_imported_names(arity)
                        .into_iter()
                        .map(str::to_string),
                )
                .collect();
            d = match crate::diag::suggest::closest(name.name(), names.iter().map(String::as_str)) {
                Some(s) => d.help(format!("did you mean `{s}/{arity}`?")),
                None => d.help("define it in this module, or call another module's function as `module:function(...)`"),
            };
        }
        self.error(d);
        None
    }

    /// Warns when a call names a function that a built-in module lacks.
    fn check_known_remote(&mut self, m: Atom, f: Atom, arity: usize, span: Span) {
        let Some(known) = crate::bif::module_functions(m.name()) else {
            return;
        };
        if known.iter().any(|(n, a)| *n == f.name() && *a == arity) {
            return;
        }
        let mut d = Diagnostic::warning(format!(
            "{}:{}/{} does not exist; this call will fail with `undef`",
            m.name(),
            f.name(),
            arity
        ))
        .at(span, "unknown function");
        let arities: Vec<usize> = known
            .iter()
            .filter(|(n, _)| *n == f.name())
            .map(|(_, a)| *a)
            .collect();
        if let Some(a) = arities.first() {
            d = d.help(format!(
                "{}:{}/{} exists: check the number of arguments",
                m.name(),
                f.name(),
                a
            ));
        } else if let Some(s) =
            crate::diag::suggest::closest(f.name(), known.iter().map(|(n, _)| *n))
        {
            d = d.help(format!("did you mean `{}:{}`?", m.name(), s));
        }
        self.error(d);
    }

    pub fn fun_ref(&mut self, name: Atom, arity: u32, span: Span) -> Src {
        match self.resolve_local(name, arity as usize, span) {
            Some(Target::Local(func)) => {
                let dst = self.temp();
                self.emit(Op::MakeFun {
                    dst,
                    index: func,
                    env: vec![].into(),
                });
                Src::Reg(dst)
            }
            Some(Target::Remote(m, f)) => {
                let dst = self.temp();
                self.emit(Op::MakeExportFun {
                    dst,
                    module: Src::Const(Term::Atom(m)),
                    function: Src::Const(Term::Atom(f)),
                    arity: Src::Const(Term::Int(arity as i64)),
                });
                Src::Reg(dst)
            }
            None => Src::Const(Term::Nil),
        }
    }

    /// `fun (...) -> ... end`: a new function of this module that receives
    /// the captured variables after its arguments.
    pub fn fun_expr(&mut self, name: Option<&str>, clauses: &[Clause], span: Span) -> Src {
        let arity = clauses.first().map(|c| c.pats.len()).unwrap_or(0) as u32;
        for c in clauses {
            if c.pats.len() as u32 != arity {
                self.error(
                    Diagnostic::error(
                        "the clauses of this fun take different numbers of arguments",
                    )
                    .at(
                        c.span,
                        format!(
                            "this clause takes {}, the first takes {}",
                            c.pats.len(),
                            arity
                        ),
                    )
                    .help("every clause of a fun must take the same number of arguments"),
                );
            }
        }
        let captured = self.captured(name, clauses);
        let index = self.m.reserve();
        let n = self.m.fun_counter(self.owner);
        let display = Atom::new(&format!(
            "-{}/{}-fun-{}-",
            self.owner.0.name(),
            self.owner.1,
            n
        ));
        let owner = self.owner;
        let code = {
            let mut fb = FnBuilder::new(self.m, owner);
            fb.slots = arity + captured.len() as u32;
            for (i, v) in captured.iter().enumerate() {
                let slot = arity + i as u32;
                fb.names.insert(v.clone(), slot);
                fb.scope.bind(v, slot);
            }
            fb.span = span;
            if let Some(n) = name {
                let slot = fb.var_slot(n);
                let env: Vec<Src> = (0..captured.len() as u32)
                    .map(|i| Src::Reg(arity + i))
                    .collect();
                fb.emit(Op::MakeFun {
                    dst: slot,
                    index,
                    env: env.into(),
                });
                fb.scope.bind(n, slot);
            }
            fb.function_clauses(clauses, arity);
            fb.finish(display, arity, captured.len() as u32, display)
        };
        self.m.set(index, code);
        let env: Vec<Src> = captured.iter().map(|v| self.use_bound(v)).collect();
        let dst = self.temp();
        self.emit(Op::MakeFun {
            dst,
            index,
            env: env.into(),
        });
        Src::Reg(dst)
    }

    fn use_bound(&mut self, v: &str) -> Src {
        match self.scope.get(v) {
            Some((slot, _)) => Src::Reg(*slot),
            None => Src::Const(Term::Nil),
        }
    }

    /// Outer variables a fun uses: bound here, used in a body or guard,
    /// and not shadowed by the fun's own head or name.
    fn captured(&self, name: Option<&str>, clauses: &[Clause]) -> Vec<String> {
        let mut heads = BTreeSet::new();
        let mut used = BTreeSet::new();
        for c in clauses {
            for p in &c.pats {
                super::vars::collect_pattern(p, &mut heads);
                super::vars::collect_sizes(p, &mut used);
            }
            for alt in &c.guard {
                for g in alt {
                    super::vars::collect(g, &mut used);
                }
            }
            for e in &c.body {
                super::vars::collect(e, &mut used);
            }
        }
        used.into_iter()
            .filter(|v| {
                !heads.contains(v) && Some(v.as_str()) != name && self.scope.get(v).is_some()
            })
            .collect()
    }
}

/// The type tests guards wrote before `is_list/1` and friends (erl_internal's
/// `old_type_test/2`).
fn old_type_test(name: &str, arity: usize) -> bool {
    matches!(
        (name, arity),
        (
            "list"
                | "integer"
                | "atom"
                | "tuple"
                | "float"
                | "pid"
                | "binary"
                | "number"
                | "reference"
                | "function"
                | "port",
            1
        ) | ("record", 2)
    )
}
