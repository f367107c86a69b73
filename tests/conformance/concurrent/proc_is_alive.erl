%% is_process_alive before and after a process finishes, and for self().
-module(proc_is_alive).
-export([main/0]).

main() ->
    io:format("self alive: ~p~n", [is_process_alive(self())]),
    P = spawn(fun() -> receive go -> ok end end),
    io:format("waiting process alive: ~p~n", [is_process_alive(P)]),
    Ref = monitor(process, P),
    P ! go,
    receive {'DOWN', Ref, process, P, _} -> ok end,
    io:format("after DOWN alive: ~p~n", [is_process_alive(P)]),
    Q = spawn(fun() -> receive after infinity -> ok end end),
    Ref2 = monitor(process, Q),
    exit(Q, kill),
    receive {'DOWN', Ref2, process, Q, R} -> io:format("killed: ~p, alive: ~p~n", [R, is_process_alive(Q)]) end.
