-module(mapwork).
-export([main/0]).
%% A map as a process's state: 200,000 updates through foldl, then lookups.
main() ->
    M = lists:foldl(fun(I, A) -> A#{I rem 50000 => I} end, #{}, lists:seq(1, 200000)),
    S = lists:foldl(fun(K, Acc) -> Acc + maps:get(K, M) end, 0, lists:seq(0, 49999)),
    io:format("~p ~p~n", [maps:size(M), S]).
