#![allow(clippy::indexing_slicing)] // tests may index: a panic is a failed test
//! `rand` draws from a generator per process, started from the world's seed
//! and the pid: runs repeat exactly for a seed, change with it, and the
//! numbers are spread evenly. Clock functions read the virtual time.

use std::process::Command;

fn run(name: &str, src: &str, extra: &[&str]) -> String {
    let dir = std::env::temp_dir().join(format!("pidlab-rand-{}-{name}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("draws.erl");
    std::fs::write(&file, src).expect("temp file is writable");
    let out = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .arg("run")
        .arg(&file)
        .args(extra)
        .output()
        .expect("pidlab runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const DRAWS: &str = r#"
-module(draws).
-export([main/0]).
main() ->
    Me = self(),
    Child = spawn(fun() -> Me ! {self(), [rand:uniform(1000) || _ <- lists:seq(1, 5)]} end),
    Mine = [rand:uniform(1000) || _ <- lists:seq(1, 5)],
    receive {Child, Theirs} -> io:format("~w~n~w~n", [Mine, Theirs]) end.
"#;

#[test]
fn the_same_seed_draws_the_same_numbers_and_another_seed_others() {
    let a = run("a", DRAWS, &["--seed", "7"]);
    let b = run("b", DRAWS, &["--seed", "7"]);
    let c = run("c", DRAWS, &["--seed", "8"]);
    assert_eq!(a, b, "seed 7 twice");
    assert_ne!(a, c, "seeds 7 and 8");
    let lines: Vec<&str> = a.lines().collect();
    assert_eq!(lines.len(), 2, "{a}");
    assert_ne!(lines[0], lines[1], "two processes draw different numbers");
}

#[test]
fn uniform_draws_are_in_range_and_evenly_spread() {
    let src = r#"
-module(draws).
-export([main/0]).
main() ->
    Xs = [rand:uniform(6) || _ <- lists:seq(1, 60000)],
    Counts = [length([X || X <- Xs, X =:= F]) || F <- lists:seq(1, 6)],
    Fs = [rand:uniform() || _ <- lists:seq(1, 10000)],
    io:format("~w~n~w~n", [Counts, [lists:min(Fs) >= 0.0, lists:max(Fs) < 1.0,
                                    abs(lists:sum(Fs) / 10000 - 0.5) < 0.02]]).
"#;
    let out = run("spread", src, &[]);
    let mut lines = out.lines();
    let counts: Vec<u64> = lines
        .next()
        .expect("counts")
        .trim_matches(|c| c == '[' || c == ']')
        .split(',')
        .map(|n| n.parse().expect("a count"))
        .collect();
    assert_eq!(counts.len(), 6, "faces 1 to 6 only: {counts:?}");
    assert_eq!(counts.iter().sum::<u64>(), 60000, "{counts:?}");
    for c in &counts {
        assert!(
            (9400..=10600).contains(c),
            "each face near 10000: {counts:?}"
        );
    }
    assert_eq!(lines.next(), Some("[true,true,true]"), "{out}");
}

#[test]
fn seeding_repeats_a_sequence() {
    let src = r#"
-module(draws).
-export([main/0]).
main() ->
    rand:seed(exsss, {1, 2, 3}),
    A = [rand:uniform(100) || _ <- lists:seq(1, 8)],
    rand:seed(exsss, {1, 2, 3}),
    B = [rand:uniform(100) || _ <- lists:seq(1, 8)],
    rand:seed(exsss, {3, 2, 1}),
    C = [rand:uniform(100) || _ <- lists:seq(1, 8)],
    io:format("~w ~w~n", [A =:= B, A =:= C]).
"#;
    assert_eq!(run("seed", src, &[]), "true false\n");
}

#[test]
fn clock_functions_read_virtual_time() {
    let src = r#"
-module(draws).
-export([main/0]).
main() ->
    T0 = erlang:monotonic_time(millisecond),
    timer:sleep(1500),
    receive after 250 -> ok end,
    T1 = erlang:monotonic_time(millisecond),
    Ns = erlang:monotonic_time(),
    io:format("~w ~w ~w ~w~n", [T0, T1 - T0, Ns, os:timestamp()]),
    io:format("~w~n", [erlang:convert_time_unit(3, second, millisecond)]).
"#;
    assert_eq!(
        run("time", src, &[]),
        "0 1750 1750000000 {0,1,750000}\n3000\n"
    );
}

#[test]
fn timer_tc_measures_virtual_microseconds() {
    let src = r#"
-module(draws).
-export([main/0]).
main() ->
    {Sum, 500500} = timer:tc(lists, sum, [lists:seq(1, 1000)]),
    {Slept, ok} = timer:tc(fun() -> timer:sleep(40), receive after 2 -> ok end end),
    {Waited, 7} = timer:tc(fun(X) -> receive after X -> X end end, [7]),
    io:format("~w ~w ~w~n", [Sum, Slept, Waited]),
    io:format("~w~n", [calendar:universal_time()]),
    timer:sleep(timer:hms(1, 1, 1)),
    io:format("~w ~w~n", [calendar:local_time(), calendar:iso_week_number()]).
"#;
    assert_eq!(
        run("tc", src, &[]),
        "0 42000 7000\n{{1970,1,1},{0,0,0}}\n{{1970,1,1},{1,1,1}} {1970,1}\n"
    );
}

#[test]
fn date_and_time_built_ins_count_from_1970_in_virtual_time() {
    let src = r#"
-module(draws).
-export([main/0]).
main() ->
    io:format("~w ~w ~w ~w ~w~n", [date(), time(), now(), erlang:localtime(), erlang:universaltime()]),
    timer:sleep(timer:hours(49) + timer:seconds(61) + 5),
    io:format("~w ~w ~w~n", [date(), time(), now()]),
    {W0, _} = statistics(wall_clock),
    receive after 300 -> ok end,
    {W1, Since} = statistics(wall_clock),
    io:format("~w ~w ~w ~w~n", [W1 - W0, Since, statistics(runtime), erlang:system_info(process_count)]).
"#;
    assert_eq!(
        run("date", src, &[]),
        "{1970,1,1} {0,0,0} {0,0,0} {{1970,1,1},{0,0,0}} {{1970,1,1},{0,0,0}}\n\
         {1970,1,3} {1,1,1} {0,176461,5000}\n300 300 {0,0} 1\n"
    );
}

#[test]
fn timers_fire_and_cancel_in_virtual_time() {
    let src = r#"
-module(draws).
-export([main/0, hello/1]).
hello(To) -> To ! hello.
main() ->
    R = erlang:start_timer(100, self(), ping),
    Left = erlang:read_timer(R),
    receive {timeout, R, ping} -> io:format("timeout ~w ~w~n", [Left, erlang:monotonic_time(millisecond)]) end,
    C = erlang:send_after(500, self(), never),
    receive after 200 -> ok end,
    io:format("~w ~w~n", [erlang:cancel_timer(C), erlang:cancel_timer(C)]),
    {ok, _} = timer:send_after(50, once),
    receive once -> io:format("once ~w~n", [erlang:monotonic_time(millisecond)]) end,
    {ok, I} = timer:send_interval(100, tick),
    Ticks = [receive tick -> erlang:monotonic_time(millisecond) end || _ <- lists:seq(1, 3)],
    {ok, cancel} = timer:cancel(I),
    {ok, _} = timer:apply_after(10, draws, hello, [self()]),
    receive hello -> ok end,
    receive tick -> io:format("tick after cancel~n") after 500 -> ok end,
    io:format("~w ~w~n", [Ticks, erlang:monotonic_time(millisecond)]),
    io:format("~w ~w~n", [timer:send_after(-1, self(), x), timer:cancel(x)]).
"#;
    assert_eq!(
        run("timers", src, &[]),
        "timeout 100 100\n300 false\nonce 350\n[450,550,650] 1160\n{error,badarg} {error,badarg}\n"
    );
}
