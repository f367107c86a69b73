%% Two monitors on one process give two DOWN messages, each with its own ref.
-module(monitor_multiple).
-export([main/0]).

main() ->
    P = spawn(fun() -> receive stop -> exit(stopped) end end),
    RA = monitor(process, P),
    RB = monitor(process, P),
    P ! stop,
    receive {'DOWN', RB, process, P, Why} -> io:format("B: ~p~n", [Why]) end,
    receive {'DOWN', RA, process, P, Why2} -> io:format("A: ~p~n", [Why2]) end,
    Watchers = [spawn_monitor(fun() -> exit({worker, N}) end) || N <- lists:seq(1, 5)],
    Results = [receive {'DOWN', R, process, Pid, Reason} -> Reason end || {Pid, R} <- Watchers],
    io:format("~p~n", [Results]).
