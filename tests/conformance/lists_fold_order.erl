%% foldl walks left to right, foldr right to left; foreach and map preserve order.
-module(lists_fold_order).
-export([main/0]).

main() ->
    L = [1, 2, 3, 4],
    io:format("~p~n", [lists:foldl(fun(X, Acc) -> Acc - X end, 0, L)]),
    io:format("~p~n", [lists:foldr(fun(X, Acc) -> Acc - X end, 0, L)]),
    io:format("~p~n", [lists:foldl(fun(X, Acc) -> X - Acc end, 0, L)]),
    io:format("~p~n", [lists:foldr(fun(X, Acc) -> X - Acc end, 0, L)]),
    io:format("~p~n", [lists:foldl(fun(X, Acc) -> Acc ++ [X] end, [], "abc")]),
    io:format("~p~n", [lists:foldr(fun(X, Acc) -> Acc ++ [X] end, [], "abc")]),
    lists:foldl(fun(X, _) -> io:format("foldl visits ~p~n", [X]) end, ok, [a, b]),
    lists:foldr(fun(X, _) -> io:format("foldr visits ~p~n", [X]) end, ok, [a, b]),
    lists:map(fun(X) -> io:format("map visits ~p~n", [X]) end, [a, b]),
    io:format("~p~n", [lists:foldl(fun(X, {S, P}) -> {S + X, P * X} end, {0, 1}, L)]).
