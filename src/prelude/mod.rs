//! The prelude: library functions written in Erlang (the higher-order
//! parts of `lists` and `maps`, `string`, `proplists`, `ordsets`, `sets`,
//! `queue`, `orddict`, `dict`, `gb_trees`, `gb_sets`, `array`, `calendar` and
//! `timer`). Each is parsed once for every thread and compiled once per
//! thread, the first time a program calls it: every code table lists
//! them all, and a program pays only for the ones it uses.
//! Modules whose terms programs print keep OTP's representation. Built-ins
//! of the same modules stay in `bif`.

use crate::vm::module::Lazy;
use crate::vm::{Code, Module};
use std::cell::OnceCell;
use std::rc::Rc;
use std::sync::OnceLock;

type Parsed = OnceLock<crate::syntax::ast::Module>;

thread_local! {
    /// Each prelude module as this thread compiled it, by its place in
    /// the catalogue (compiled modules hold `Rc`s and stay per thread).
    static COMPILED: Vec<OnceCell<Option<Rc<Module>>>> =
        crate::catalogue::PRELUDE.iter().map(|_| OnceCell::new()).collect();
}

/// The prelude's syntax trees, each parsed once for every thread.
fn parsed(index: usize) -> Option<&'static crate::syntax::ast::Module> {
    static PARSED: OnceLock<Vec<Parsed>> = OnceLock::new();
    let (name, src) = crate::catalogue::PRELUDE.get(index)?;
    let slot = PARSED
        .get_or_init(|| {
            crate::catalogue::PRELUDE
                .iter()
                .map(|_| OnceLock::new())
                .collect()
        })
        .get(index)?;
    Some(slot.get_or_init(|| {
        let (ast, diags) = crate::syntax::parse_module(src, Some(name));
        debug_assert!(diags.is_empty(), "prelude {name} parses: {diags:?}");
        ast
    }))
}

/// Prelude module `index` of the catalogue, compiled in this thread.
fn module(index: usize) -> Option<Rc<Module>> {
    COMPILED.with(|ms| {
        ms.get(index)?
            .get_or_init(|| {
                let (name, src) = crate::catalogue::PRELUDE.get(index)?;
                let ast = parsed(index)?;
                let compiled = crate::compile::compile_module(ast, &format!("{name}.erl"), src);
                debug_assert!(compiled.is_ok(), "prelude {name} compiles");
                compiled.ok().map(|(m, _)| Rc::new(m))
            })
            .clone()
    })
}

/// Lists the prelude modules in `code`, each made when first called.
pub fn load(code: &mut Code) {
    for (i, (name, src)) in crate::catalogue::PRELUDE.iter().enumerate() {
        let name = crate::term::Atom::new(name);
        code.insert_lazy(Lazy::new(
            name,
            crate::compile::uniq_of(name, src),
            i,
            module,
        ));
    }
}

/// Makes now every library module that the compiled modules of `code`
/// call by name, and those those call, so that a search timed from here
/// does not make them on the way (calls through computed names still
/// make theirs when first taken).
pub fn warm(code: &Code) {
    use crate::vm::op::Op;
    let mut todo: Vec<Rc<Module>> = code.made().cloned().collect();
    let mut seen: std::collections::BTreeSet<_> = todo.iter().map(|m| m.name).collect();
    while let Some(m) = todo.pop() {
        for f in &m.functions {
            for op in &f.code {
                if let Op::CallExt { module, .. } | Op::TailCallExt { module, .. } = op {
                    if seen.insert(*module) {
                        todo.extend(code.get(*module).cloned());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_table_listing_the_prelude_lazily_has_the_digest_of_one_holding_it_compiled() {
        let mut lazy = crate::vm::Code::default();
        super::load(&mut lazy);
        let before = lazy.digest();
        let mut eager = crate::vm::Code::default();
        for i in 0..crate::catalogue::PRELUDE.len() {
            if let Some(m) = super::module(i) {
                eager.insert(m);
            }
        }
        assert_eq!(before, eager.digest());
        // Making a module on first use leaves the digest as it was.
        assert!(lazy.get(crate::term::Atom::new("queue")).is_some());
        assert_eq!(before, lazy.digest());
        assert_eq!(lazy.made().count(), 1);
    }

    #[test]
    fn the_catalogue_lists_exactly_what_each_prelude_module_exports() {
        let mut code = crate::vm::Code::default();
        super::load(&mut code);
        let ms: Vec<_> = (0..crate::catalogue::PRELUDE.len())
            .filter_map(super::module)
            .collect();
        assert_eq!(
            ms.len(),
            crate::catalogue::PRELUDE.len(),
            "every module compiles"
        );
        // A lazily listed module has the number its compiled form has.
        assert_eq!(code.modules().count(), ms.len());
        for m in &ms {
            let mut compiled: Vec<(&str, usize)> = m
                .exports
                .keys()
                .map(|(f, a)| (f.name(), *a as usize))
                .collect();
            let mut listed = crate::catalogue::prelude_exports(m.name.name());
            compiled.sort_unstable();
            listed.sort_unstable();
            listed.dedup();
            assert_eq!(listed, compiled, "exports of {}", m.name.name());
        }
    }
}
