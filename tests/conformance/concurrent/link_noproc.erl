%% Linking to a dead process: a trapping caller gets {'EXIT', Pid, noproc}.
-module(link_noproc).
-export([main/0]).

main() ->
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, normal} -> ok end,
    process_flag(trap_exit, true),
    R = try link(Dead) catch error:E -> {error, E} end,
    io:format("link returned: ~p~n", [R]),
    receive {'EXIT', Dead, Why} -> io:format("exit message: ~p~n", [Why])
    after 100 -> io:format("no exit message~n")
    end.
