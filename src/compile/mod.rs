//! The compiler: syntax trees to bytecode modules.
//!
//! Owns name resolution (local, imported, built-in, remote), variable
//! scoping (unbound and unsafe variables), and code generation. Every
//! mistake is a `Diagnostic`; a module with errors is not produced. The
//! compiler never runs code and never prints.

mod binary;
mod call;
mod expr;
mod func;
mod liveness;
mod pattern;
mod peephole;
pub mod scope;
mod vars;

use crate::diag::Diagnostic;
use crate::syntax::ast::{self, Expr, Span};
use crate::term::Atom;
use crate::vm::module::Module;
use crate::vm::op::{FunctionCode, Op, Src};
use func::FnBuilder;
use std::collections::BTreeMap;

/// What the compiler knows about the module being compiled.
pub struct ModCtx {
    pub name: Atom,
    pub locals: BTreeMap<(Atom, u32), u32>,
    pub imports: BTreeMap<(Atom, u32), Atom>,
    /// Where an unknown local call goes (the shell's `shell_default`).
    pub fallback: Option<Atom>,
    /// `-compile({no_auto_import, ...})`: built-ins local functions may shadow.
    pub no_auto_import: std::collections::BTreeSet<(Atom, u32)>,
    pub no_auto_import_all: bool,
    functions: Vec<Option<FunctionCode>>,
    pub diags: Vec<Diagnostic>,
    fun_counts: BTreeMap<(Atom, u32), u32>,
}

impl ModCtx {
    fn new(name: Atom) -> ModCtx {
        ModCtx {
            name,
            locals: BTreeMap::new(),
            imports: BTreeMap::new(),
            fallback: None,
            no_auto_import: std::collections::BTreeSet::new(),
            no_auto_import_all: false,
            functions: vec![],
            diags: vec![],
            fun_counts: BTreeMap::new(),
        }
    }

    pub fn reserve(&mut self) -> u32 {
        self.functions.push(None);
        (self.functions.len() - 1) as u32
    }

    pub fn set(&mut self, index: u32, code: FunctionCode) {
        if let Some(slot) = self.functions.get_mut(index as usize) {
            *slot = Some(code);
        }
    }

    pub fn fun_counter(&mut self, owner: (Atom, u32)) -> u32 {
        let c = self.fun_counts.entry(owner).or_insert(0);
        *c += 1;
        *c - 1
    }
}

/// A module version's number, which funs remember: a hash (FNV-1a) of
/// its name and source, so it depends only on the module itself, never
/// on what else was compiled before; a changed source is a new version.
pub(crate) fn uniq_of(name: Atom, source: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in name.name().bytes().chain([0]).chain(source.bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    // As small as erl's numbers look.
    h & 0x07ff_ffff
}

/// The result of compiling: the module and any warnings, or the errors.
pub type Compiled = Result<(Module, Vec<Diagnostic>), Vec<Diagnostic>>;

fn split(diags: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    diags.into_iter().partition(Diagnostic::is_error)
}

/// Compiles a parsed module.
pub fn compile_module(m: &ast::Module, file: &str, source: &str) -> Compiled {
    let Some((name, _)) = m.name else {
        return Err(vec![Diagnostic::error(
            "this file has no `-module` attribute",
        )
        .at(Span::new(0, 0), "expected `-module(name).` at the top")
        .help(
            "start the file with `-module(name).`, where name is the file name without `.erl`",
        )]);
    };
    let mut ctx = ModCtx::new(name);
    for f in &m.functions {
        let idx = ctx.reserve();
        ctx.locals.insert((f.name, f.arity as u32), idx);
    }
    for (md, f, a, _) in &m.imports {
        ctx.imports.insert((*f, *a as u32), *md);
    }
    ctx.no_auto_import_all = m.options.no_auto_import_all;
    ctx.no_auto_import = m
        .options
        .no_auto_import
        .iter()
        .map(|(f, a)| (*f, *a as u32))
        .collect();
    let mut exports = BTreeMap::new();
    if let Some(span) = m.options.export_all {
        exports.extend(ctx.locals.iter().map(|(k, i)| (*k, *i)));
        if !m.options.nowarn_export_all {
            ctx.diags.push(
                Diagnostic::warning("export_all flag enabled - all functions will be exported")
                    .at(span, "here")
                    .help("export only what other modules call: `-export([main/0])`"),
            );
        }
    }
    for (f, a, span) in &m.exports {
        match ctx.locals.get(&(*f, *a as u32)) {
            Some(i) => {
                exports.insert((*f, *a as u32), *i);
            }
            None => {
                let mut d = Diagnostic::error(format!(
                    "function {}/{} is exported but not defined",
                    f.name(),
                    a
                ))
                .at(*span, "exported here");
                let names: Vec<String> = m
                    .functions
                    .iter()
                    .map(|x| format!("{}/{}", x.name.name(), x.arity))
                    .collect();
                let wanted = format!("{}/{}", f.name(), a);
                d = match crate::diag::suggest::closest(&wanted, names.iter().map(String::as_str)) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help("define the function, or remove it from the `-export` list"),
                };
                ctx.diags.push(d);
            }
        }
    }
    for f in &m.functions {
        let idx = ctx
            .locals
            .get(&(f.name, f.arity as u32))
            .copied()
            .unwrap_or(0);
        let code = {
            let mut fb = FnBuilder::new(&mut ctx, (f.name, f.arity as u32));
            fb.span = f.span;
            fb.function_clauses(&f.clauses, f.arity as u32);
            fb.finish(f.name, f.arity as u32, 0, f.name)
        };
        ctx.set(idx, code);
    }
    finish(ctx, exports, file, source)
}

fn finish(ctx: ModCtx, exports: BTreeMap<(Atom, u32), u32>, file: &str, source: &str) -> Compiled {
    let (errors, warnings) = split(ctx.diags);
    if !errors.is_empty() {
        let mut all = errors;
        all.extend(warnings);
        return Err(all);
    }
    let functions: Vec<FunctionCode> = ctx.functions.into_iter().flatten().collect();
    let module = Module {
        name: ctx.name,
        uniq: uniq_of(ctx.name, source),
        functions,
        exports,
        locals: ctx.locals,
        file: file.into(),
        source: source.into(),
    };
    Ok((module, warnings))
}

/// Compiles shell expressions into a one-function module `shell_eval`
/// whose function takes the values of `bound` (in that order) and returns
/// `{Value, {NewBindings...}}` for the names it reports.
pub fn compile_shell(
    exprs: &[Expr],
    bound: &[String],
    source: &str,
) -> Result<(Module, Vec<String>, Vec<Diagnostic>), Vec<Diagnostic>> {
    compile_shell_as(Atom::new("erl_eval"), exprs, bound, source, &[])
}

/// The `c` module's functions a shell input calls without a module name.
const SHELL_HELPERS: &[(&str, u32)] =
    &[("flush", 0), ("help", 0), ("pid", 3), ("regs", 0), ("m", 1)];

/// The module that holds functions defined at the prompt; a local call the
/// shell does not know goes there.
pub const SHELL_DEFAULT: &str = "shell_default";

/// `compile_shell` into a module of the given name, so a session can keep
/// the funs made by earlier inputs alive.
pub fn compile_shell_as(
    name: Atom,
    exprs: &[Expr],
    bound: &[String],
    source: &str,
    imports: &[(Atom, Atom, u32)],
) -> Result<(Module, Vec<String>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut ctx = ModCtx::new(name);
    // The shell's helpers (`flush()` ...), then functions defined at the
    // prompt, are called like local ones; any other local call is a shell
    // command that does not exist, `undef` when it runs, as in erl.
    for (f, a) in SHELL_HELPERS {
        ctx.imports.insert((Atom::new(f), *a), Atom::new("c"));
    }
    ctx.fallback = Some(Atom::new(SHELL_DEFAULT));
    for (m, f, a) in imports {
        ctx.imports.insert((*f, *a), *m);
    }
    let idx = ctx.reserve();
    let arity = bound.len() as u32;
    let fname = Atom::new("expr");
    let (code, names) = {
        let mut fb = FnBuilder::new(&mut ctx, (fname, arity));
        fb.slots = arity;
        for (i, v) in bound.iter().enumerate() {
            fb.names.insert(v.clone(), i as u32);
            fb.scope.bind(v, i as u32);
        }
        let mut last = Src::Const(crate::term::Term::ok());
        for e in exprs {
            fb.span = e.span;
            last = fb.expr(e);
        }
        let names: Vec<String> = fb.scope.bound_names().map(str::to_string).collect();
        let vals: Vec<Src> = names.iter().map(|n| Src::Reg(fb.var_slot(n))).collect();
        let tup = fb.temp();
        fb.emit(Op::Tuple {
            dst: tup,
            elems: vals.into(),
        });
        let res = fb.temp();
        fb.emit(Op::Tuple {
            dst: res,
            elems: vec![last, Src::Reg(tup)].into(),
        });
        fb.emit(Op::Return { src: Src::Reg(res) });
        (fb.finish(fname, arity, 0, fname), names)
    };
    ctx.set(idx, code);
    let mut exports = BTreeMap::new();
    exports.insert((fname, arity), idx);
    let (m, warnings) = finish(ctx, exports, "shell", source)?;
    Ok((m, names, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uniq(src: &str) -> Option<u32> {
        let (ast, _) = crate::syntax::parse_module(src, Some("m"));
        compile_module(&ast, "m.erl", src).ok().map(|(m, _)| m.uniq)
    }

    #[test]
    fn a_modules_version_depends_on_its_source_not_on_compile_order() {
        let a = "-module(m).\n-export([f/0]).\nf() -> fun() -> 1 end.\n";
        let b = "-module(m).\n-export([f/0]).\nf() -> fun() -> 2 end.\n";
        let first = uniq(a);
        assert!(first.is_some(), "the module compiles");
        assert!(uniq(b).is_some(), "the other version compiles");
        assert_eq!(first, uniq(a), "the same source, the same version");
        assert_ne!(first, uniq(b), "another source, another version");
    }
}
