%% Updating maps with => (insert or replace) and := (replace existing only).
-module(map_update).
-export([main/0]).

main() ->
    M0 = #{a => 1},
    M1 = M0#{b => 2},
    M2 = M1#{a := 10},
    M3 = M2#{a => 100, c => 3},
    io:format("~p~n~p~n~p~n~p~n", [M0, M1, M2, M3]),
    M4 = M3#{},
    io:format("~p~n", [M4 =:= M3]),
    M5 = M3#{1 => one, 1.0 => one_float},
    io:format("~p~n", [M5]),
    io:format("~p~n", [maps:size(M5)]),
    M6 = M5#{1 := uno},
    io:format("~p ~p~n", [maps:get(1, M6), maps:get(1.0, M6)]),
    io:format("~p~n", [try M0#{missing := 1} catch error:E -> E end]),
    Nested = #{inner => #{count => 0}},
    #{inner := Inner} = Nested,
    Updated = Nested#{inner := Inner#{count := 1}},
    io:format("~p~n", [Updated]).
