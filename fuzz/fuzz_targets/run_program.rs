//! Fuzzes the VM and the world: any bytes that compile to a module with
//! `main/0` or `main/1` are run on the deterministic scheduler with small
//! bounds (reductions, memory). The run may end any way Erlang allows, but
//! pidlab must never panic, hang or exhaust the host.
//! Run with `fuzz/run.sh [SECONDS] run_program`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pidlab::run::{entry, main_args, new_code, run_call, RunLimits};
use std::rc::Rc;

#[global_allocator]
static ALLOC: pidlab::alloc::Counting = pidlab::alloc::Counting;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data).into_owned();
    // Deep terms recurse when printed or compared, as in the binary: run on
    // a thread with a big stack.
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            pidlab::alloc::set_limit(256 << 20);
            let (ast, diags) = pidlab::syntax::parse_module(&src, Some("m"));
            if !diags.is_empty() {
                return;
            }
            let Ok((module, _)) = pidlab::compile::compile_module(&ast, "m.erl", &src) else {
                return;
            };
            let Some((func, with_args)) = entry(&module) else {
                return;
            };
            let mut code = new_code();
            let module: Rc<_> = code.load(module);
            let args = if with_args { vec![main_args(&[])] } else { vec![] };
            let limits = RunLimits {
                max_reductions: 200_000,
                ..RunLimits::default()
            };
            let _ = run_call(&code, &module, func, args, limits, &mut |_| {});
        });
    if let Ok(handle) = worker {
        if let Err(panic) = handle.join() {
            std::panic::resume_unwind(panic);
        }
    }
});
