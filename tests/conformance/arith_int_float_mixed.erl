%% Mixing integers and floats: / is always a float, == versus =:=.
-module(arith_int_float_mixed).
-export([main/0]).

main() ->
    io:format("~p ~p ~p~n", [4 / 2, 1 / 4, 7 / 2]),
    io:format("~p ~p~n", [3 + 0.5, 2 * 1.5]),
    io:format("~p ~p~n", [10 - 10.0, 2 * 0.0]),
    io:format("1 == 1.0: ~p~n", [1 == 1.0]),
    io:format("1 =:= 1.0: ~p~n", [1 =:= 1.0]),
    io:format("1 /= 1.0: ~p~n", [1 /= 1.0]),
    io:format("1 =/= 1.0: ~p~n", [1 =/= 1.0]),
    io:format("2 < 2.5: ~p, 3 > 2.5: ~p~n", [2 < 2.5, 3 > 2.5]),
    io:format("is_float(4/2): ~p, is_integer(4 div 2): ~p~n", [is_float(4 / 2), is_integer(4 div 2)]),
    io:format("float(7) = ~p, trunc(7.9) = ~p~n", [float(7), trunc(7.9)]),
    io:format("max(1, 1.0) = ~p, min(1, 1.0) = ~p~n", [max(1, 1.0), min(1, 1.0)]),
    io:format("max(1.0, 1) = ~p, min(1.0, 1) = ~p~n", [max(1.0, 1), min(1.0, 1)]),
    io:format("lists:sum: ~p ~p~n", [lists:sum([1, 2, 3]), lists:sum([1, 2.0, 3])]),
    io:format("big / 2 = ~p~n", [100000000000000000000 / 2]),
    io:format("-7 / 2 = ~p~n", [-7 / 2]).
