//! Built-in functions, one file per Erlang module they belong to.
//!
//! Owns the table of Rust-implemented functions (`lookup`), which of them
//! guards may call, which `erlang` functions are auto-imported, and the
//! Erlang-source prelude (`prelude.erl` modules) for the higher-order
//! library functions, which must call funs and so run as bytecode.
//! Built-ins never call back into Erlang code and never perform IO: output
//! goes to `BifCtx::output` for the world to record.

pub mod binary;
pub mod erlang;
pub mod erlang_binary;
pub mod etf;
pub mod format;
pub mod io_lib;
pub mod lists;
pub mod maps;
pub mod math;
pub mod pdict;
pub mod phash;
pub mod phash2;
pub mod rand;
pub mod sort;
pub mod string;
pub mod terms;
pub mod time;

use crate::term::Term;
use crate::vm::Exception;
use std::collections::HashMap;
use std::sync::OnceLock;

pub use crate::vm::builtin::{BifCtx, BifFn, BifRef};

pub use crate::catalogue::{
    auto_imported, auto_imported_names, auto_imported_names_all, is_guard_bif, old_bif,
    otp_auto_imported,
};

/// The table of Rust built-ins the VM looks calls up in.
#[derive(Debug)]
pub struct Table;

/// The one built-in table; `run::new_code` gives it to every code table.
pub static BUILTINS: Table = Table;

impl crate::vm::builtin::Builtins for Table {
    fn lookup(&self, module: &str, name: &str, arity: usize) -> Option<BifRef> {
        lookup(module, name, arity)
    }
    fn is_world(&self, module: &str, name: &str, arity: usize) -> bool {
        world_bif(module, name, arity)
    }
}

type Map = HashMap<(&'static str, &'static str, usize), BifRef>;

fn table() -> &'static Map {
    static T: OnceLock<Map> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = HashMap::new();
        for (module, list) in [
            ("erlang", erlang::BIFS),
            ("erlang", erlang_binary::BIFS),
            ("binary", binary::BIFS),
            ("lists", lists::BIFS),
            ("maps", maps::BIFS),
            ("io", format::BIFS),
            ("io_lib", format::IO_LIB),
            ("io_lib", io_lib::IO_LIB),
            ("io", io_lib::IO),
            ("math", math::BIFS),
            ("rand", rand::BIFS),
            ("random", rand::RANDOM),
            ("erlang", time::ERLANG),
            ("erlang", pdict::BIFS),
            ("erlang", phash::BIFS),
            ("erlang", phash2::BIFS),
            ("erlang", terms::BIFS),
            ("os", time::OS),
            ("string", string::BIFS),
        ] {
            for (name, arity, f) in list {
                t.insert(
                    (module, *name, *arity),
                    BifRef {
                        module,
                        name,
                        arity: *arity,
                        f: *f,
                    },
                );
            }
        }
        t
    })
}

/// The Rust built-in `module:name/arity`, if there is one.
pub fn lookup(module: &str, name: &str, arity: usize) -> Option<BifRef> {
    let t: &HashMap<(&str, &str, usize), BifRef> = table();
    t.get(&(module, name, arity)).copied()
}

/// Built-ins that act on other processes, time or the trace: the VM hands
/// them to its world as an effect.
const WORLD_BIFS: &[(&str, &str, usize)] = &[
    ("erlang", "spawn", 1),
    ("erlang", "spawn", 3),
    ("erlang", "spawn_link", 1),
    ("erlang", "spawn_link", 3),
    ("erlang", "spawn_monitor", 1),
    ("erlang", "spawn_monitor", 3),
    ("erlang", "link", 1),
    ("erlang", "unlink", 1),
    ("erlang", "monitor", 2),
    ("erlang", "demonitor", 1),
    ("erlang", "demonitor", 2),
    ("erlang", "exit", 2),
    ("erlang", "process_flag", 2),
    ("erlang", "register", 2),
    ("erlang", "unregister", 1),
    ("erlang", "whereis", 1),
    ("erlang", "registered", 0),
    ("erlang", "is_process_alive", 1),
    ("erlang", "send", 2),
    ("erlang", "send_after", 3),
    ("erlang", "start_timer", 3),
    ("erlang", "cancel_timer", 1),
    ("erlang", "cancel_timer", 2),
    ("erlang", "read_timer", 1),
    ("erlang", "read_timer", 2),
    ("erlang", "function_exported", 3),
    ("erlang", "system_info", 1),
    ("erlang", "statistics", 1),
    ("timer", "sleep", 1),
    ("pidlab", "emit", 1),
    ("pidlab", "choose", 1),
    ("pidlab", "idle", 0),
    ("pidlab", "lamport", 0),
    ("pidlab", "vc", 0),
    ("erlang", "get_module_info", 2),
    ("erlang", "process_info", 1),
    ("erlang", "process_info", 2),
    ("erlang", "halt", 0),
    ("erlang", "halt", 1),
    ("erlang", "halt", 2),
];

pub fn world_bif(module: &str, name: &str, arity: usize) -> bool {
    WORLD_BIFS
        .iter()
        .any(|(m, n, a)| *m == module && *n == name && *a == arity)
}

/// All functions of a library module, built-in and prelude, for "did you
/// mean" (and the compiler's check of every remote call), sorted. Built
/// once: the tables behind it never change.
pub fn module_functions(module: &str) -> Option<&'static [(&'static str, usize)]> {
    static KNOWN: std::sync::OnceLock<HashMap<&'static str, Vec<(&'static str, usize)>>> =
        std::sync::OnceLock::new();
    let known = KNOWN.get_or_init(|| {
        let mut by: HashMap<&'static str, Vec<(&'static str, usize)>> = HashMap::new();
        for b in table().values() {
            by.entry(b.module).or_default().push((b.name, b.arity));
        }
        for (m, _) in crate::catalogue::PRELUDE {
            by.entry(m)
                .or_default()
                .extend(crate::catalogue::prelude_exports(m));
        }
        by.entry("erlang")
            .or_default()
            .extend(crate::catalogue::AUTO_IMPORTED.iter().copied());
        for (m, n, a) in WORLD_BIFS {
            by.entry(m).or_default().push((n, *a));
        }
        for v in by.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
        by.retain(|_, v| !v.is_empty());
        by
    });
    known.get(module).map(Vec::as_slice)
}

/// Argument helpers shared by the built-ins.
pub fn arg(args: &[Term], i: usize) -> Result<&Term, Exception> {
    args.get(i).ok_or_else(Exception::badarg)
}

pub fn int_arg(args: &[Term], i: usize) -> Result<i64, Exception> {
    match arg(args, i)? {
        Term::Int(n) => Ok(*n),
        _ => Err(Exception::badarg()),
    }
}

pub fn list_arg(args: &[Term], i: usize) -> Result<Vec<Term>, Exception> {
    arg(args, i)?.list_to_vec().ok_or_else(Exception::badarg)
}

/// Longest list a built-in will build, so one call cannot exhaust memory.
pub const MAX_LIST: usize = 50_000_000;
