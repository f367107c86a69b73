%% Classic algorithms written with comprehensions: quicksort, permutations, triples.
-module(lc_algorithms).
-export([main/0]).

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

triples(N) ->
    [{A, B, C} || C <- lists:seq(1, N), B <- lists:seq(1, C), A <- lists:seq(1, B),
                  A * A + B * B =:= C * C].

main() ->
    io:format("~p~n", [qsort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])]),
    io:format("~p~n", [qsort(["pear", "apple", "fig"])]),
    io:format("~p~n", [perms([1, 2, 3])]),
    io:format("~p~n", [length(perms(lists:seq(1, 5)))]),
    io:format("~p~n", [triples(30)]).
