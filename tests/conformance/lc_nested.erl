%% Comprehensions nested inside comprehensions, and building matrices.
-module(lc_nested).
-export([main/0]).

transpose([[] | _]) -> [];
transpose(Rows) -> [[H || [H | _] <- Rows] | transpose([T || [_ | T] <- Rows])].

main() ->
    M = [[1, 2, 3], [4, 5, 6]],
    io:format("~p~n", [transpose(M)]),
    io:format("~p~n", [[[X * Y || X <- lists:seq(1, 4)] || Y <- lists:seq(1, 4)]]),
    io:format("~p~n", [[lists:sum(Row) || Row <- M]]),
    io:format("~p~n", [[X || Row <- M, X <- Row, X rem 2 =:= 1]]),
    io:format("~p~n", [[{Word, [C || C <- Word, C > $m]} || Word <- ["alpha", "omega", "xyz"]]]).
