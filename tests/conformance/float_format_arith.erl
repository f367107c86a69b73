%% Printing results of float arithmetic that are not exactly representable.
-module(float_format_arith).
-export([main/0]).

main() ->
    io:format("0.1 + 0.2 = ~p~n", [0.1 + 0.2]),
    io:format("0.1 * 3 = ~p~n", [0.1 * 3]),
    io:format("1 / 3 = ~p~n", [1 / 3]),
    io:format("2 / 3 = ~p~n", [2 / 3]),
    io:format("10 / 4 = ~p~n", [10 / 4]),
    io:format("1.1 * 1.1 = ~p~n", [1.1 * 1.1]),
    io:format("1.0 - 0.9 = ~p~n", [1.0 - 0.9]),
    io:format("100 * 1.1 = ~p~n", [100 * 1.1]),
    io:format("3.0 * 1.0e-5 = ~p~n", [3.0 * 1.0e-5]),
    io:format("1 / 7 = ~w~n", [1 / 7]),
    io:format("22 / 7 = ~w~n", [22 / 7]),
    io:format("sum of tenths = ~p~n", [lists:foldl(fun(X, A) -> X + A end, 0.0, lists:duplicate(10, 0.1))]),
    io:format("0.1 + 0.2 == 0.3: ~p~n", [0.1 + 0.2 == 0.3]),
    io:format("1.0e16 + 1 = ~p~n", [1.0e16 + 1]),
    io:format("2 * 0.5 = ~p~n", [2 * 0.5]).
