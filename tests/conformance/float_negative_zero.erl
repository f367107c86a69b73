%% Negative zero: how it prints, compares and behaves in arithmetic.
-module(float_negative_zero).
-export([main/0]).

times(X, Y) -> X * Y.

main() ->
    NZ = times(0.0, -1),
    io:format("~p ~w ~p~n", [NZ, NZ, -0.0]),
    io:format("0.0 == -0.0: ~p~n", [0.0 == NZ]),
    io:format("0.0 =:= -0.0: ~p~n", [0.0 =:= NZ]),
    io:format("-0.0 < 0.0: ~p~n", [NZ < 0.0]),
    io:format("0 == -0.0: ~p~n", [0 == NZ]),
    io:format("-0.0 * 5 = ~p~n", [NZ * 5]),
    io:format("-0.0 * -5 = ~p~n", [NZ * -5]),
    io:format("-0.0 + 0.0 = ~p~n", [NZ + 0.0]),
    io:format("-0.0 - 0.0 = ~p~n", [NZ - 0.0]),
    io:format("abs(-0.0) = ~p~n", [abs(NZ)]),
    io:format("round(-0.4) = ~p, trunc(-0.4) = ~p~n", [round(-0.4), trunc(-0.4)]),
    io:format("~f ~e ~g~n", [NZ, NZ, NZ]),
    io:format("float_to_list: ~s~n", [float_to_list(NZ)]).
