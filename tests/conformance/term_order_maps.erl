%% Maps compare by size, then by keys in term order, then by values.
-module(term_order_maps).
-export([main/0]).

main() ->
    M1 = #{a => 1},
    M2 = #{b => 0},
    M3 = #{a => 2},
    M4 = #{a => 1, b => 1},
    M5 = #{1 => x},
    io:format("~w~n", [lists:sort([M4, M3, M2, M1, M5, #{}])]),
    io:format("~w ~w ~w~n", [M1 < M2, M1 < M3, M3 < M4]),
    io:format("~w~n", [M5 < M1]),
    io:format("~w~n", [#{a => 1, b => 2} =:= #{b => 2, a => 1}]),
    io:format("~w~n", [#{1 => a} == #{1.0 => a}]),
    io:format("~w~n", [#{1 => a} =:= #{1.0 => a}]),
    io:format("~w~n", [#{a => 1} == #{a => 1.0}]),
    io:format("~w~n", [#{z => 1} < {a, b, c, d}]),
    io:format("~w~n", [#{z => 1} < [a]]).
