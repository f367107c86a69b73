%% An abnormal exit kills linked non-trapping processes and reaches a trapping one.
-module(link_exit_propagation).
-export([main/0]).

middle(Parent) ->
    Leaf = spawn_link(fun() -> receive go -> exit(leaf_failed) end end),
    Parent ! {leaf, Leaf},
    receive never -> ok end.

main() ->
    process_flag(trap_exit, true),
    Self = self(),
    Middle = spawn_link(fun() -> middle(Self) end),
    Leaf = receive {leaf, L} -> L end,
    Leaf ! go,
    receive
        {'EXIT', Middle, Reason} -> io:format("middle died with ~p~n", [Reason])
    end,
    io:format("leaf alive: ~p, middle alive: ~p~n", [is_process_alive(Leaf), is_process_alive(Middle)]).
