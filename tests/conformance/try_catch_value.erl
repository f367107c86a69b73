%% The value of a try expression in each situation, used inside expressions.
-module(try_catch_value).
-export([main/0]).

safe_div(A, B) ->
    try A div B catch error:badarith -> infinity end.

parse(S) ->
    try list_to_integer(S) catch error:badarg -> {not_a_number, S} end.

main() ->
    io:format("~p~n", [[safe_div(10, D) || D <- [1, 2, 0, 3]]]),
    io:format("~p~n", [[parse(S) || S <- ["12", "-5", "x1", "007"]]]),
    Sum = lists:sum([try N * 2 catch _:_ -> 0 end || N <- [1, 2, 3]]),
    io:format("~p~n", [Sum]),
    Total = 1 + try throw(41) catch throw:N -> N end,
    io:format("~p~n", [Total]),
    io:format("~p~n", [try ok catch _ -> bad end]).
