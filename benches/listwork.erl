-module(listwork).
-export([main/0]).
main() ->
    L = lists:seq(1, 1000000),
    M = lists:map(fun(X) -> (X * 7919) rem 1000003 end, L),
    S = lists:sort(M),
    io:format("~p~n", [lists:foldl(fun(X, A) -> A + X end, 0, S)]).
