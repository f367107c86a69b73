%% maps:merge (right side wins), maps:from_list (last wins) and round trips.
-module(map_merge_from_list).
-export([main/0]).

main() ->
    A = #{x => 1, y => 2},
    B = #{y => 20, z => 30},
    io:format("~p~n", [maps:merge(A, B)]),
    io:format("~p~n", [maps:merge(B, A)]),
    io:format("~p~n", [maps:merge(#{}, A) =:= A]),
    L = [{k, 1}, {j, 2}, {k, 3}],
    M = maps:from_list(L),
    io:format("~p~n", [M]),
    io:format("~p~n", [lists:sort(maps:to_list(M))]),
    io:format("~p~n", [maps:from_list([])]),
    Big = maps:from_list([{N, N rem 3} || N <- lists:seq(1, 20)]),
    io:format("~p~n", [maps:size(Big)]),
    io:format("~p~n", [maps:from_list(lists:sort(maps:to_list(Big))) =:= Big]),
    io:format("~p~n", [maps:get(17, Big)]).
