%% round, trunc, float and abs on halves, negatives and large values.
-module(arith_round_trunc).
-export([main/0]).

main() ->
    Xs = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 3.7, -3.7, 0.0],
    [io:format("~p: round ~p trunc ~p~n", [X, round(X), trunc(X)]) || X <- Xs],
    io:format("round(1.0e20) = ~p~n", [round(1.0e20)]),
    io:format("trunc(-1.0e19) = ~p~n", [trunc(-1.0e19)]),
    io:format("round(7) = ~p, trunc(-7) = ~p~n", [round(7), trunc(-7)]),
    io:format("abs: ~p ~p ~p ~p~n", [abs(-3), abs(3), abs(-2.5), abs(-123456789012345678901234)]),
    io:format("float: ~p ~p ~p~n", [float(0), float(-3), float(12345678901234567890)]).
