%% Binary search over a tuple used as an array.
-module(algo_binary_search).
-export([main/0]).

search(Tuple, X) -> search(Tuple, X, 1, tuple_size(Tuple)).

search(_, _, Lo, Hi) when Lo > Hi -> not_found;
search(T, X, Lo, Hi) ->
    Mid = (Lo + Hi) div 2,
    case element(Mid, T) of
        X -> {found, Mid};
        V when V < X -> search(T, X, Mid + 1, Hi);
        _ -> search(T, X, Lo, Mid - 1)
    end.

main() ->
    T = list_to_tuple([N * N || N <- lists:seq(1, 50)]),
    [io:format("~p: ~p~n", [X, search(T, X)]) || X <- [1, 4, 49, 50, 2500, 2501, 0, 1024]],
    io:format("~p~n", [search({}, 1)]).
