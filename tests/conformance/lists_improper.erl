%% Building and walking improper lists; length/1 rejects them.
-module(lists_improper).
-export([main/0]).

walk([H | T], Acc) -> walk(T, [H | Acc]);
walk([], Acc) -> {proper, lists:reverse(Acc)};
walk(Tail, Acc) -> {improper, lists:reverse(Acc), Tail}.

v(X) -> X.

main() ->
    io:format("~p~n", [walk([1, 2, 3], [])]),
    io:format("~p~n", [walk([1, 2 | 3], [])]),
    io:format("~p~n", [walk(v(atom), [])]),
    Cons = [a | [b | [c | []]]],
    io:format("~p~n", [Cons]),
    io:format("~p~n", [[x | v(y)]]),
    io:format("~p~n", [try length(v([1 | 2])) catch error:E1 -> E1 end]),
    io:format("~p~n", [[1, 2] ++ v(tail)]),
    io:format("~p~n", [[[1 | 2] | [3 | 4]]]).
