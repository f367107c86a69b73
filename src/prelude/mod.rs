//! The prelude: library functions written in Erlang (the higher-order
//! parts of `lists` and `maps`, `string`, `proplists`, `ordsets`, `sets`,
//! `queue`, `orddict`, `dict`, `gb_trees`, `gb_sets`, `array`, `calendar` and
//! `timer`), parsed once, compiled once per thread and loaded into every
//! code table.
//! Modules whose terms programs print keep OTP's representation. Built-ins
//! of the same modules stay in `bif`.

use crate::vm::{Code, Module};
use std::rc::Rc;

thread_local! {
    static COMPILED: Vec<Rc<Module>> = compile_all();
}

/// The prelude's syntax trees, parsed once for every thread (parsing is
/// most of the work; compiled modules hold `Rc`s and stay per thread).
static PARSED: std::sync::OnceLock<Vec<(&str, &str, crate::syntax::ast::Module)>> =
    std::sync::OnceLock::new();

fn compile_all() -> Vec<Rc<Module>> {
    let parsed = PARSED.get_or_init(|| {
        crate::catalogue::PRELUDE
            .iter()
            .map(|(name, src)| {
                let (ast, diags) = crate::syntax::parse_module(src, Some(name));
                debug_assert!(diags.is_empty(), "prelude {name} parses: {diags:?}");
                (*name, *src, ast)
            })
            .collect()
    });
    let mut out = vec![];
    for (name, src, ast) in parsed {
        if let Ok((m, _)) = crate::compile::compile_module(ast, &format!("{name}.erl"), src) {
            out.push(Rc::new(m));
        } else {
            debug_assert!(false, "prelude {name} compiles");
        }
    }
    out
}

/// Loads the prelude modules into `code`.
pub fn load(code: &mut Code) {
    COMPILED.with(|ms| {
        for m in ms {
            code.insert(m.clone());
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_catalogue_lists_exactly_what_each_prelude_module_exports() {
        super::COMPILED.with(|ms| {
            assert_eq!(
                ms.len(),
                crate::catalogue::PRELUDE.len(),
                "every module compiles"
            );
            for m in ms {
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
        });
    }
}
