%% A parallel map whose results come back in input order regardless of finish order.
-module(proc_parallel_map).
-export([main/0]).

pmap(F, L) ->
    Parent = self(),
    Refs = [begin
                Ref = make_ref(),
                spawn(fun() -> Parent ! {Ref, F(X)} end),
                Ref
            end || X <- L],
    [receive {Ref, V} -> V end || Ref <- Refs].

main() ->
    Slow = fun(X) -> timer:sleep((5 - X) * 10), X * X end,
    io:format("~p~n", [pmap(Slow, [1, 2, 3, 4, 5])]),
    io:format("~p~n", [pmap(fun(X) -> {X, atom_to_list(X)} end, [a, bb, ccc])]),
    io:format("~p~n", [pmap(fun(X) -> X end, [])]).
