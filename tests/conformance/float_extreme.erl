%% Largest, smallest and subnormal floats, and float overflow raising badarith.
-module(float_extreme).
-export([main/0]).

main() ->
    Max = 1.7976931348623157e308,
    MinNorm = 2.2250738585072014e-308,
    Denorm = 5.0e-324,
    io:format("~p~n~p~n~p~n", [Max, MinNorm, Denorm]),
    io:format("~p~n", [-Max]),
    io:format("~p~n", [Denorm / 2]),
    io:format("~p~n", [MinNorm / 4]),
    io:format("~p~n", [Max / 1.0e300]),
    io:format("overflow: ~p~n", [catch_it(fun() -> Max * 10 end)]),
    io:format("overflow add: ~p~n", [catch_it(fun() -> Max + Max end)]),
    io:format("div zero: ~p~n", [catch_it(fun() -> 1.0 / zero() end)]),
    io:format("float of bignum: ~p~n", [catch_it(fun() -> float(1 bsl 1100) end)]),
    io:format("near max: ~p~n", [float(1 bsl 1023)]).

zero() -> 0.0.

catch_it(F) ->
    try F() catch error:R -> {error, R} end.
