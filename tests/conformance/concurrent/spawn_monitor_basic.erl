%% spawn_monitor returns {Pid, Ref}; the DOWN message carries the exit reason.
-module(spawn_monitor_basic).
-export([main/0]).

run(F) ->
    {Pid, Ref} = spawn_monitor(F),
    receive {'DOWN', Ref, process, Pid, Reason} -> Reason end.

main() ->
    io:format("~p~n", [run(fun() -> ok end)]),
    io:format("~p~n", [run(fun() -> exit(custom) end)]),
    io:format("~p~n", [run(fun() -> exit({tuple, reason}) end)]),
    io:format("~p~n", [run(fun() -> exit(self(), kill) end)]),
    io:format("~p~n", [run(fun() -> throw_caught() end)]),
    {P, R} = spawn_monitor(fun() -> receive _ -> ok end end),
    io:format("~p ~p~n", [is_pid(P), is_reference(R)]),
    exit(P, kill),
    receive {'DOWN', R, process, P, Why} -> io:format("~p~n", [Why]) end.

throw_caught() ->
    try throw(x) catch throw:x -> exit(after_catch) end.
