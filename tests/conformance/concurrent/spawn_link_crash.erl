%% spawn_link: a child's abnormal exit kills a non-trapping parent process.
-module(spawn_link_crash).
-export([main/0]).

main() ->
    Self = self(),
    {Parent, Ref} = spawn_monitor(fun() ->
                                          spawn_link(fun() -> exit(child_crashed) end),
                                          receive never -> ok end
                                  end),
    receive {'DOWN', Ref, process, Parent, R} -> io:format("parent died: ~p~n", [R]) end,
    {P2, Ref2} = spawn_monitor(fun() ->
                                       spawn_link(fun() -> exit(normal) end),
                                       receive after 50 -> Self ! survived end
                                   end),
    receive survived -> io:format("normal exit of child did not kill parent~n") end,
    receive {'DOWN', Ref2, process, P2, R2} -> io:format("parent finished: ~p~n", [R2]) end.
