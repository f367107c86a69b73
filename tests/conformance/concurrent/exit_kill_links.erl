-module(exit_kill_links).
-export([main/0]).
%% Exit signals with reason kill: only exit(Pid, kill) is untrappable.
main() ->
    process_flag(trap_exit, true),
    spawn_link(fun() -> exit(kill) end),
    receive {'EXIT', _, R1} -> io:format("trapped link exit: ~p~n", [R1]) end,
    Self = self(),
    B = spawn(fun() ->
                  process_flag(trap_exit, false),
                  spawn_link(fun() -> exit(kill) end),
                  receive never -> ok end
              end),
    Ref = monitor(process, B),
    receive {'DOWN', Ref, process, B, R2} -> io:format("linked non-trapping dies with: ~p~n", [R2]) end,
    C = spawn(fun() -> process_flag(trap_exit, true), Self ! ready, receive X -> Self ! {got, X} end end),
    receive ready -> ok end,
    Ref2 = monitor(process, C),
    exit(C, kill),
    receive {'DOWN', Ref2, process, C, R3} -> io:format("exit(C, kill) even when trapping: ~p~n", [R3]) end,
    D = spawn(fun() -> process_flag(trap_exit, true), Self ! ready, receive X -> Self ! {got, X} end end),
    receive ready -> ok end,
    exit(D, other),
    receive {got, M} -> io:format("trapping gets: ~p~n", [element(3, M)]) end.
