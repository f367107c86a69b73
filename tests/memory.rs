//! Memory that grows with a run, measured by the counting allocator the
//! binary uses (installed here too). A world that keeps its trace keeps a
//! vector clock per event; when one process hears from thousands of others
//! those clocks are dense, and copying each one would make the trace grow
//! with the square of the number of processes.

use pidlab::run::{new_code, run_world, Outcome, RunLimits};
use pidlab::world::World;

#[global_allocator]
static ALLOC: pidlab::alloc::Counting = pidlab::alloc::Counting;

/// The count of live bytes is the whole process's: the tests here take
/// turns, so none counts another's allocations.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

const SENDERS: &str = r#"
-module(senders).
-export([main/0]).
main() ->
    S = self(),
    N = 3000,
    [spawn(fun() -> S ! {done, I} end) || I <- lists:seq(1, N)],
    [receive {done, I} -> ok end || I <- lists:seq(1, N)],
    done.
"#;

#[test]
fn a_kept_trace_of_dense_clocks_grows_about_linearly() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (ast, diags) = pidlab::syntax::parse_module(SENDERS, None);
    assert!(diags.is_empty(), "the program parses");
    let (module, _) =
        pidlab::compile::compile_module(&ast, "senders.erl", SENDERS).expect("it compiles");
    let mut code = new_code();
    let module = code.load(module);
    let entry = *module
        .exports
        .get(&(pidlab::term::Atom::new("main"), 0))
        .expect("main/0 is exported");
    let mut world = World::new(code.clone());
    assert!(world.keep_trace && world.track_vc, "the shell's settings");
    let before = pidlab::alloc::live_bytes();
    let outcome = run_world(
        &mut world,
        &module,
        entry,
        vec![],
        RunLimits::default(),
        &mut |_| {},
        &mut |_| {},
    );
    assert!(matches!(outcome, Outcome::Returned(_)), "{outcome:?}");
    let grown = pidlab::alloc::live_bytes().saturating_sub(before);
    let events = world.trace.len();
    assert!(
        events > 4 * 3000,
        "every spawn, send and receive is kept: {events}"
    );
    eprintln!("{events} events with dense clocks hold {} KiB", grown >> 10);
    // Copying every clock whole would take about 3000 * 3000 / 2 entries
    // for the main process's receives alone: hundreds of megabytes.
    assert!(
        grown < 64 << 20,
        "the run with its trace holds {} MiB",
        grown >> 20
    );
}

const PING_PONG: &str = r#"
-module(pingpong).
-export([start/0]).
start() ->
    A = spawn(fun() -> receive {peer, P} -> loop(P) end end),
    B = spawn(fun() -> loop(A) end),
    A ! {peer, B},
    B ! {ping, 0},
    ok.
loop(Peer) -> receive {ping, N} -> Peer ! {ping, N + 1}, loop(Peer) end.
"#;

/// Writes the ping-pong module into a folder of its own (named after
/// `tag`) and gives the shell input that compiles it.
fn load_ping_pong(tag: &str) -> String {
    let dir = std::env::temp_dir().join(format!("{tag}-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("pingpong.erl");
    std::fs::write(&file, PING_PONG).expect("the module is written");
    format!("c({:?}).", file.display().to_string())
}

/// One shell input; what it printed and answered goes to `out`.
fn eval(shell: &mut pidlab::repl::Session, input: &str, out: &mut String) {
    if let pidlab::repl::Reply::Text(t, _) = shell.eval(input, &mut |s| out.push_str(s)) {
        out.push_str(&t);
    }
}

#[test]
fn stepping_many_times_in_the_shell_keeps_memory_linear() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let load = load_ping_pong("pidlab-mem");
    let mut shell = pidlab::repl::Session::for_script(pidlab::diag::render::Style::PLAIN);
    let before = pidlab::alloc::live_bytes();
    let mut out = String::new();
    for input in [
        load.as_str(),
        ":mode manual",
        "pingpong:start().",
        ":step 8000",
        ":back e6000",
    ] {
        eval(&mut shell, input, &mut out);
    }
    let grown = pidlab::alloc::live_bytes().saturating_sub(before);
    assert!(
        out.contains("back to just before e6000"),
        "the session went back: {}",
        out.lines().last().unwrap_or("")
    );
    // A snapshot per step copied the whole trace each time: about 4 GB here.
    assert!(
        grown < 200 << 20,
        "8,000 steps keep {} MB alive",
        grown >> 20
    );
}

#[test]
fn a_choice_takes_two_words() {
    // The scheduler, the explorer and schedules hold many choices; the
    // rare faults that carry two numbers are boxed so the common ones stay
    // this small.
    assert_eq!(std::mem::size_of::<pidlab::world::Choice>(), 16);
}

#[test]
fn the_shell_keeps_a_few_hundred_bytes_per_event() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let load = load_ping_pong("pidlab-mem-ev");
    let mut shell = pidlab::repl::Session::for_script(pidlab::diag::render::Style::PLAIN);
    let mut out = String::new();
    for input in [
        load.as_str(),
        ":mode manual",
        "pingpong:start().",
        ":step 100",
    ] {
        eval(&mut shell, input, &mut out);
    }
    let before = pidlab::alloc::live_bytes();
    let events_before = shell.events();
    // What the steps print is the caller's to keep or not: it is let go
    // before measuring, so only what the shell holds counts.
    let mut printed = String::new();
    eval(&mut shell, ":step 20000", &mut printed);
    let last = printed.lines().last().unwrap_or("").to_string();
    drop(printed);
    let grown = pidlab::alloc::live_bytes().saturating_sub(before);
    let events = shell.events() - events_before;
    assert!(
        events > 10000,
        "the steps made events: {events}\n{out}{last}"
    );
    let per_event = grown / events;
    eprintln!("{per_event} bytes per event ({events} events)");
    // About 188 today: the event itself (112 bytes), its clock (a slice of
    // 16 bytes per process), its predecessors, the choice that made it
    // (about 3 bytes encoded, about 1.3 choices per event) and the message
    // terms. A clock that copied a map node per event made it about 1,600;
    // choices kept as `Choice` values with their vector's doubling room,
    // and clocks with reference counts, 248.
    assert!(
        per_event <= 240,
        "{per_event} bytes per event ({events} events)"
    );
}
