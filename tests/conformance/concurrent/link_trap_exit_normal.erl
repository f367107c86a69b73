%% A trapping process receives {'EXIT', Pid, normal} when a linked child ends.
-module(link_trap_exit_normal).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Child = spawn_link(fun() -> ok end),
    receive
        {'EXIT', Child, Reason} -> io:format("child exited with ~p~n", [Reason])
    end,
    Child2 = spawn_link(fun() -> exit(normal) end),
    receive
        {'EXIT', Child2, Reason2} -> io:format("child2 exited with ~p~n", [Reason2])
    end,
    io:format("trap_exit was ~p~n", [process_flag(trap_exit, false)]).
