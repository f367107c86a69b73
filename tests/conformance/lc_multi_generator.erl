%% List comprehensions with several generators: the rightmost varies fastest.
-module(lc_multi_generator).
-export([main/0]).

main() ->
    io:format("~p~n", [[{X, Y} || X <- [1, 2, 3], Y <- [a, b]]]),
    io:format("~p~n", [[X * Y || X <- [1, 2, 3], Y <- [10, 100]]]),
    io:format("~p~n", [[{X, Y} || X <- lists:seq(1, 4), Y <- lists:seq(X, 4)]]),
    io:format("~p~n", [[[X, Y, Z] || X <- "ab", Y <- "cd", Z <- "ef"]]),
    io:format("~p~n", [[X || X <- [], _ <- [1, 2]]]),
    io:format("~p~n", [[X || X <- [1, 2], _ <- []]]),
    io:format("~p~n", [length([ok || _ <- lists:seq(1, 10), _ <- lists:seq(1, 10)])]).
