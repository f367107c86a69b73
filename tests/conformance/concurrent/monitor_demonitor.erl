%% demonitor stops DOWN delivery; the flush option removes one already queued.
-module(monitor_demonitor).
-export([main/0]).

check_mailbox(Label) ->
    receive
        {'DOWN', _, process, _, R} -> io:format("~s: got DOWN ~p~n", [Label, R])
    after 50 -> io:format("~s: no DOWN~n", [Label])
    end.

dead_pid() ->
    {Pid, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Pid, normal} -> Pid end.

main() ->
    P1 = spawn(fun() -> receive go -> ok end end),
    R1 = monitor(process, P1),
    io:format("demonitor: ~p~n", [demonitor(R1)]),
    P1 ! go,
    check_mailbox("after demonitor"),
    Dead = dead_pid(),
    %% Monitoring a dead process sends a noproc DOWN at once; once the DOWN of
    %% a later monitor has been received, the earlier one is surely queued.
    R2 = monitor(process, Dead),
    Later2 = monitor(process, Dead),
    receive {'DOWN', Later2, process, Dead, noproc} -> ok end,
    io:format("demonitor flush: ~p~n", [demonitor(R2, [flush])]),
    check_mailbox("after flush"),
    R3 = monitor(process, Dead),
    Later3 = monitor(process, Dead),
    receive {'DOWN', Later3, process, Dead, noproc} -> ok end,
    io:format("demonitor no flush: ~p~n", [demonitor(R3)]),
    check_mailbox("without flush"),
    io:format("demonitor twice: ~p~n", [demonitor(R3)]).
