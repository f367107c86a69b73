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

const GUARD_BIFS: &[(&str, usize)] = &[
    ("abs", 1),
    ("element", 2),
    ("float", 1),
    ("hd", 1),
    ("tl", 1),
    ("length", 1),
    ("map_size", 1),
    ("map_get", 2),
    ("is_map_key", 2),
    ("node", 0),
    ("node", 1),
    ("round", 1),
    ("self", 0),
    ("size", 1),
    ("trunc", 1),
    ("tuple_size", 1),
    ("max", 2),
    ("min", 2),
    ("ceil", 1),
    ("floor", 1),
    ("is_atom", 1),
    ("is_boolean", 1),
    ("is_float", 1),
    ("is_function", 1),
    ("is_function", 2),
    ("is_integer", 1),
    ("is_list", 1),
    ("is_map", 1),
    ("is_number", 1),
    ("is_pid", 1),
    ("is_reference", 1),
    ("is_tuple", 1),
    ("is_binary", 1),
    ("is_bitstring", 1),
    ("byte_size", 1),
    ("bit_size", 1),
    ("binary_part", 2),
    ("binary_part", 3),
    ("is_port", 1),
    ("is_record", 2),
    ("is_record", 3),
    ("-", 1),
    ("+", 1),
    ("bnot", 1),
    ("not", 1),
    ("and", 2),
    ("or", 2),
    ("xor", 2),
];

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

pub fn is_guard_bif(name: &str, arity: usize) -> bool {
    GUARD_BIFS.iter().any(|(n, a)| *n == name && *a == arity)
}

/// `erlang` functions callable without the module name.
const AUTO_IMPORTED: &[(&str, usize)] = &[
    ("apply", 2),
    ("apply", 3),
    ("atom_to_list", 1),
    ("list_to_atom", 1),
    ("list_to_existing_atom", 1),
    ("integer_to_list", 1),
    ("integer_to_list", 2),
    ("list_to_integer", 1),
    ("list_to_integer", 2),
    ("float_to_list", 1),
    ("list_to_float", 1),
    ("tuple_to_list", 1),
    ("list_to_tuple", 1),
    ("setelement", 3),
    ("throw", 1),
    ("error", 1),
    ("error", 2),
    ("error", 3),
    ("exit", 1),
    ("make_ref", 0),
    ("now", 0),
    ("date", 0),
    ("time", 0),
    ("statistics", 1),
    ("put", 2),
    ("get", 0),
    ("get", 1),
    ("erase", 0),
    ("erase", 1),
    ("get_keys", 0),
    ("get_keys", 1),
    ("is_process_alive", 1),
    ("spawn", 1),
    ("spawn", 3),
    ("spawn_link", 1),
    ("spawn_link", 3),
    ("spawn_monitor", 1),
    ("spawn_monitor", 3),
    ("link", 1),
    ("unlink", 1),
    ("monitor", 2),
    ("demonitor", 1),
    ("demonitor", 2),
    ("exit", 2),
    ("process_flag", 2),
    ("register", 2),
    ("unregister", 1),
    ("whereis", 1),
    ("registered", 0),
    ("send_after", 3),
    ("integer_to_binary", 1),
    ("integer_to_binary", 2),
    ("binary_to_integer", 1),
    ("binary_to_integer", 2),
    ("float_to_binary", 1),
    ("binary_to_float", 1),
    ("atom_to_binary", 1),
    ("atom_to_binary", 2),
    ("binary_to_atom", 1),
    ("binary_to_atom", 2),
    ("binary_to_existing_atom", 1),
    ("binary_to_existing_atom", 2),
    ("binary_to_list", 1),
    ("binary_to_list", 3),
    ("bitstring_to_list", 1),
    ("list_to_binary", 1),
    ("list_to_bitstring", 1),
    ("iolist_to_binary", 1),
    ("iolist_size", 1),
    ("split_binary", 2),
    ("binary_to_term", 1),
    ("list_to_pid", 1),
    ("pid_to_list", 1),
    ("term_to_binary", 1),
    ("process_info", 1),
    ("process_info", 2),
    ("halt", 0),
    ("halt", 1),
    ("halt", 2),
];

pub fn auto_imported(name: &str, arity: usize) -> bool {
    is_guard_bif(name, arity) || AUTO_IMPORTED.iter().any(|(n, a)| *n == name && *a == arity)
}

/// Every function callable without a module name, for completion.
pub fn auto_imported_names_all() -> Vec<&'static str> {
    GUARD_BIFS
        .iter()
        .chain(AUTO_IMPORTED)
        .map(|(n, _)| *n)
        .collect()
}

pub fn auto_imported_names(arity: usize) -> Vec<&'static str> {
    GUARD_BIFS
        .iter()
        .chain(AUTO_IMPORTED)
        .filter(|(_, a)| *a == arity)
        .map(|(n, _)| *n)
        .collect()
}

/// All functions of a library module, built-in and prelude, for "did you mean".
pub fn module_functions(module: &str) -> Option<Vec<(&'static str, usize)>> {
    let mut v: Vec<(&'static str, usize)> = table()
        .values()
        .filter(|b| b.module == module)
        .map(|b| (b.name, b.arity))
        .collect();
    v.extend(crate::prelude::exports(module));
    if module == "erlang" {
        v.extend(AUTO_IMPORTED.iter().copied());
    }
    v.extend(
        WORLD_BIFS
            .iter()
            .filter(|(m, _, _)| *m == module)
            .map(|(_, n, a)| (*n, *a)),
    );
    if v.is_empty() {
        None
    } else {
        v.sort();
        v.dedup();
        Some(v)
    }
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

/// The built-ins auto-imported before OTP R14 (erl_internal's `old_bif`):
/// a local function of the same name makes an unqualified call ambiguous,
/// an error in erlc; for newer built-ins it is a warning.
const OLD_BIFS: &[(&str, usize)] = &[
    ("abs", 1),
    ("apply", 2),
    ("apply", 3),
    ("atom_to_binary", 2),
    ("atom_to_list", 1),
    ("binary_to_atom", 2),
    ("binary_to_existing_atom", 2),
    ("binary_to_list", 1),
    ("binary_to_list", 3),
    ("binary_to_term", 1),
    ("bit_size", 1),
    ("bitstring_to_list", 1),
    ("byte_size", 1),
    ("check_process_code", 2),
    ("date", 0),
    ("delete_module", 1),
    ("disconnect_node", 1),
    ("element", 2),
    ("erase", 0),
    ("erase", 1),
    ("exit", 1),
    ("exit", 2),
    ("float", 1),
    ("float_to_list", 1),
    ("garbage_collect", 0),
    ("garbage_collect", 1),
    ("get", 0),
    ("get", 1),
    ("get_keys", 1),
    ("group_leader", 0),
    ("group_leader", 2),
    ("halt", 0),
    ("halt", 1),
    ("hd", 1),
    ("integer_to_list", 1),
    ("iolist_size", 1),
    ("iolist_to_binary", 1),
    ("is_alive", 0),
    ("is_atom", 1),
    ("is_binary", 1),
    ("is_bitstring", 1),
    ("is_boolean", 1),
    ("is_float", 1),
    ("is_function", 1),
    ("is_function", 2),
    ("is_integer", 1),
    ("is_list", 1),
    ("is_number", 1),
    ("is_pid", 1),
    ("is_port", 1),
    ("is_process_alive", 1),
    ("is_record", 2),
    ("is_record", 3),
    ("is_reference", 1),
    ("is_tuple", 1),
    ("length", 1),
    ("link", 1),
    ("list_to_atom", 1),
    ("list_to_binary", 1),
    ("list_to_bitstring", 1),
    ("list_to_existing_atom", 1),
    ("list_to_float", 1),
    ("list_to_integer", 1),
    ("list_to_pid", 1),
    ("list_to_tuple", 1),
    ("load_module", 2),
    ("make_ref", 0),
    ("module_loaded", 1),
    ("monitor_node", 2),
    ("node", 0),
    ("node", 1),
    ("nodes", 0),
    ("nodes", 1),
    ("now", 0),
    ("open_port", 2),
    ("pid_to_list", 1),
    ("port_close", 1),
    ("port_command", 2),
    ("port_connect", 2),
    ("port_control", 3),
    ("pre_loaded", 0),
    ("process_flag", 2),
    ("process_flag", 3),
    ("process_info", 1),
    ("process_info", 2),
    ("processes", 0),
    ("purge_module", 1),
    ("put", 2),
    ("register", 2),
    ("registered", 0),
    ("round", 1),
    ("self", 0),
    ("setelement", 3),
    ("size", 1),
    ("spawn", 1),
    ("spawn", 2),
    ("spawn", 3),
    ("spawn", 4),
    ("spawn_link", 1),
    ("spawn_link", 2),
    ("spawn_link", 3),
    ("spawn_link", 4),
    ("spawn_monitor", 1),
    ("spawn_monitor", 3),
    ("spawn_opt", 2),
    ("spawn_opt", 3),
    ("spawn_opt", 4),
    ("spawn_opt", 5),
    ("split_binary", 2),
    ("statistics", 1),
    ("term_to_binary", 1),
    ("term_to_binary", 2),
    ("throw", 1),
    ("time", 0),
    ("tl", 1),
    ("trunc", 1),
    ("tuple_size", 1),
    ("tuple_to_list", 1),
    ("unlink", 1),
    ("unregister", 1),
    ("whereis", 1),
];

pub fn old_bif(name: &str, arity: usize) -> bool {
    OLD_BIFS.iter().any(|(n, a)| *n == name && *a == arity)
}

/// Every `erlang` function OTP 25 auto-imports (erl_internal's `bif/2`),
/// implemented here or not: an unqualified call to one that pidlab lacks
/// compiles to a call of `erlang:F` (`undef` when it runs, with a
/// warning), as a call to a function that does not exist anywhere would
/// not compile at all.
const OTP_AUTO_IMPORTED: &[(&str, usize)] = &[
    ("abs", 1),
    ("alias", 0),
    ("alias", 1),
    ("apply", 2),
    ("apply", 3),
    ("atom_to_binary", 1),
    ("atom_to_binary", 2),
    ("atom_to_list", 1),
    ("binary_part", 2),
    ("binary_part", 3),
    ("binary_to_atom", 1),
    ("binary_to_atom", 2),
    ("binary_to_existing_atom", 1),
    ("binary_to_existing_atom", 2),
    ("binary_to_float", 1),
    ("binary_to_integer", 1),
    ("binary_to_integer", 2),
    ("binary_to_list", 1),
    ("binary_to_list", 3),
    ("binary_to_term", 1),
    ("binary_to_term", 2),
    ("bit_size", 1),
    ("bitstring_to_list", 1),
    ("byte_size", 1),
    ("ceil", 1),
    ("check_old_code", 1),
    ("check_process_code", 2),
    ("check_process_code", 3),
    ("date", 0),
    ("delete_module", 1),
    ("demonitor", 1),
    ("demonitor", 2),
    ("disconnect_node", 1),
    ("element", 2),
    ("erase", 0),
    ("erase", 1),
    ("error", 1),
    ("error", 2),
    ("error", 3),
    ("exit", 1),
    ("exit", 2),
    ("float", 1),
    ("float_to_binary", 1),
    ("float_to_binary", 2),
    ("float_to_list", 1),
    ("float_to_list", 2),
    ("floor", 1),
    ("garbage_collect", 0),
    ("garbage_collect", 1),
    ("garbage_collect", 2),
    ("get", 0),
    ("get", 1),
    ("get_keys", 0),
    ("get_keys", 1),
    ("group_leader", 0),
    ("group_leader", 2),
    ("halt", 0),
    ("halt", 1),
    ("halt", 2),
    ("hd", 1),
    ("integer_to_binary", 1),
    ("integer_to_binary", 2),
    ("integer_to_list", 1),
    ("integer_to_list", 2),
    ("iolist_size", 1),
    ("iolist_to_binary", 1),
    ("is_alive", 0),
    ("is_atom", 1),
    ("is_binary", 1),
    ("is_bitstring", 1),
    ("is_boolean", 1),
    ("is_float", 1),
    ("is_function", 1),
    ("is_function", 2),
    ("is_integer", 1),
    ("is_list", 1),
    ("is_map", 1),
    ("is_map_key", 2),
    ("is_number", 1),
    ("is_pid", 1),
    ("is_port", 1),
    ("is_process_alive", 1),
    ("is_record", 2),
    ("is_record", 3),
    ("is_reference", 1),
    ("is_tuple", 1),
    ("length", 1),
    ("link", 1),
    ("list_to_atom", 1),
    ("list_to_binary", 1),
    ("list_to_bitstring", 1),
    ("list_to_existing_atom", 1),
    ("list_to_float", 1),
    ("list_to_integer", 1),
    ("list_to_integer", 2),
    ("list_to_pid", 1),
    ("list_to_port", 1),
    ("list_to_ref", 1),
    ("list_to_tuple", 1),
    ("load_module", 2),
    ("make_ref", 0),
    ("map_get", 2),
    ("map_size", 1),
    ("max", 2),
    ("min", 2),
    ("module_loaded", 1),
    ("monitor", 2),
    ("monitor", 3),
    ("monitor_node", 2),
    ("node", 0),
    ("node", 1),
    ("nodes", 0),
    ("nodes", 1),
    ("nodes", 2),
    ("now", 0),
    ("open_port", 2),
    ("pid_to_list", 1),
    ("port_close", 1),
    ("port_command", 2),
    ("port_command", 3),
    ("port_connect", 2),
    ("port_control", 3),
    ("port_to_list", 1),
    ("pre_loaded", 0),
    ("process_flag", 2),
    ("process_flag", 3),
    ("process_info", 1),
    ("process_info", 2),
    ("processes", 0),
    ("purge_module", 1),
    ("put", 2),
    ("ref_to_list", 1),
    ("register", 2),
    ("registered", 0),
    ("round", 1),
    ("self", 0),
    ("setelement", 3),
    ("size", 1),
    ("spawn", 1),
    ("spawn", 2),
    ("spawn", 3),
    ("spawn", 4),
    ("spawn_link", 1),
    ("spawn_link", 2),
    ("spawn_link", 3),
    ("spawn_link", 4),
    ("spawn_monitor", 1),
    ("spawn_monitor", 2),
    ("spawn_monitor", 3),
    ("spawn_monitor", 4),
    ("spawn_opt", 2),
    ("spawn_opt", 3),
    ("spawn_opt", 4),
    ("spawn_opt", 5),
    ("spawn_request", 1),
    ("spawn_request", 2),
    ("spawn_request", 3),
    ("spawn_request", 4),
    ("spawn_request", 5),
    ("spawn_request_abandon", 1),
    ("split_binary", 2),
    ("statistics", 1),
    ("term_to_binary", 1),
    ("term_to_binary", 2),
    ("term_to_iovec", 1),
    ("term_to_iovec", 2),
    ("throw", 1),
    ("time", 0),
    ("tl", 1),
    ("trunc", 1),
    ("tuple_size", 1),
    ("tuple_to_list", 1),
    ("unalias", 1),
    ("unlink", 1),
    ("unregister", 1),
    ("whereis", 1),
];

pub fn otp_auto_imported(name: &str, arity: usize) -> bool {
    OTP_AUTO_IMPORTED
        .iter()
        .any(|(n, a)| *n == name && *a == arity)
}
