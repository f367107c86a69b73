%% Monitoring a process that is already dead gives an immediate noproc DOWN.
-module(monitor_down_noproc).
-export([main/0]).

main() ->
    {Dead, Ref0} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref0, process, Dead, normal} -> ok end,
    io:format("alive: ~p~n", [is_process_alive(Dead)]),
    Ref = monitor(process, Dead),
    receive
        {'DOWN', Ref, process, Dead, Reason} -> io:format("reason: ~p~n", [Reason])
    after 1000 -> io:format("no DOWN~n")
    end,
    Ref2 = monitor(process, Dead),
    Ref3 = monitor(process, Dead),
    io:format("distinct refs: ~p~n", [Ref2 =/= Ref3]),
    receive {'DOWN', Ref3, process, _, R3} -> io:format("third: ~p~n", [R3]) end,
    receive {'DOWN', Ref2, process, _, R2} -> io:format("second: ~p~n", [R2]) end.
