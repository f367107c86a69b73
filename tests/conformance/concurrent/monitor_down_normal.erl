%% Monitors deliver {'DOWN', Ref, process, Pid, Reason} when the process ends.
-module(monitor_down_normal).
-export([main/0]).

main() ->
    {Pid, Ref} = spawn_monitor(fun() -> receive go -> ok end end),
    io:format("alive before: ~p~n", [is_process_alive(Pid)]),
    Pid ! go,
    receive
        {'DOWN', Ref, process, Pid, Reason} -> io:format("down: ~p~n", [Reason])
    end,
    P2 = spawn(fun() -> receive go -> exit(finished_badly) end end),
    R2 = monitor(process, P2),
    P2 ! go,
    receive
        {'DOWN', R2, process, P2, Reason2} -> io:format("down: ~p~n", [Reason2])
    end,
    io:format("is_reference(Ref): ~p~n", [is_reference(Ref)]).
