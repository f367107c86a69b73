//! The prelude: library functions written in Erlang (the higher-order
//! parts of `lists` and `maps`, `string`, `proplists`, `ordsets`, `sets`,
//! `queue`, `orddict`, `dict`, `gb_trees`, `gb_sets`, `calendar` and
//! `timer`), compiled once per thread and loaded into every code table.
//! Modules whose terms programs print keep OTP's representation. Built-ins
//! of the same modules stay in `bif`.

use crate::vm::{Code, Module};
use std::rc::Rc;

const SOURCES: &[(&str, &str)] = &[
    ("lists", include_str!("lists.erl")),
    ("maps", include_str!("maps.erl")),
    ("string", include_str!("string.erl")),
    ("proplists", include_str!("proplists.erl")),
    ("ordsets", include_str!("ordsets.erl")),
    ("sets", include_str!("sets.erl")),
    ("queue", include_str!("queue.erl")),
    ("orddict", include_str!("orddict.erl")),
    ("dict", include_str!("dict.erl")),
    ("gb_trees", include_str!("gb_trees.erl")),
    ("gb_sets", include_str!("gb_sets.erl")),
    ("calendar", include_str!("calendar.erl")),
    ("timer", include_str!("timer.erl")),
    ("pidlab_boot", include_str!("pidlab_boot.erl")),
    ("c", include_str!("c.erl")),
];

thread_local! {
    static COMPILED: Vec<Rc<Module>> = compile_all();
    static BUILDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn compile_all() -> Vec<Rc<Module>> {
    BUILDING.with(|b| b.set(true));
    let mut out = vec![];
    for (name, src) in SOURCES {
        let (ast, diags) = crate::syntax::parse_module(src, Some(name));
        debug_assert!(diags.is_empty(), "prelude {name} parses: {diags:?}");
        if let Ok((m, _)) = crate::compile::compile_module(&ast, &format!("{name}.erl"), src) {
            out.push(Rc::new(m));
        } else {
            debug_assert!(false, "prelude {name} compiles");
        }
    }
    BUILDING.with(|b| b.set(false));
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

/// The exported functions of prelude module `module`.
pub fn exports(module: &str) -> Vec<(&'static str, usize)> {
    if BUILDING.with(std::cell::Cell::get) {
        return vec![];
    }
    COMPILED.with(|ms| {
        ms.iter()
            .filter(|m| m.name.name() == module)
            .flat_map(|m| {
                m.exports
                    .keys()
                    .map(|(f, a)| (f.name(), *a as usize))
                    .collect::<Vec<_>>()
            })
            .collect()
    })
}
