%% exit(Pid, normal) does nothing to a non-trapping process; other reasons kill it.
-module(exit_signal_normal_ignored).
-export([main/0]).

sleeper() -> receive {ping, From} -> From ! pong, sleeper() end.

main() ->
    P = spawn(fun sleeper/0),
    exit(P, normal),
    P ! {ping, self()},
    receive pong -> io:format("still alive after exit(P, normal)~n") end,
    Ref = monitor(process, P),
    exit(P, go_away),
    receive {'DOWN', Ref, process, P, R} -> io:format("down with ~p~n", [R]) end,
    io:format("alive: ~p~n", [is_process_alive(P)]).
