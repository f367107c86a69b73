%% Main starts the work and returns at once; the others finish it. The run
%% goes on after main, so everything they print is there.
-module(handoff).
-export([main/0]).

main() ->
    Printer = spawn(fun() -> receive {sum, S} -> io:format("sum ~w~n", [S]) end end),
    spawn(fun() -> Printer ! {sum, lists:sum(lists:seq(1, 100))} end),
    ok.
