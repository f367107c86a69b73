-module(arith_small_constants).
-export([main/0]).
%% Arithmetic and comparisons with a small integer constant on one side:
%% overflow into bignums, floats, non-numbers, guards and frames that reuse
%% their slots.

add1(X) -> X + 1.
sub1(X) -> X - 1.
mul3(X) -> X * 3.
neg(X) -> X * -1.

classify(X) when X < 0 -> negative;
classify(X) when X == 0 -> zero;
classify(X) when X =:= 1 -> exactly_one;
classify(X) when X >= 100 -> big;
classify(_) -> other.

count(0, Acc) -> Acc;
count(N, Acc) when N > 0 -> count(N - 1, Acc + 2).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

main() ->
    Max = 9223372036854775807,
    Min = -9223372036854775808,
    io:format("~p~n", [[add1(Max), sub1(Min), mul3(Max), neg(Min)]]),
    io:format("~p~n", [[add1(1.5), sub1(0.25), mul3(2.0), neg(0)]]),
    io:format("~p~n", [[classify(V) || V <- [-3, -0.5, 0, 0.0, 1, 1.0, 7, 100, 100.0, abc, [], {1}]]]),
    io:format("~p~n", [[X < 2 || X <- [1, 2, 1.9, 2.0, a, "x"]]]),
    io:format("~p~n", [count(100000, 0)]),
    io:format("~p~n", [fact(25)]),
    io:format("~p~n", [reason(fun() -> add1(foo) end)]),
    io:format("~p~n", [reason(fun() -> mul3([1]) end)]),
    io:format("~p~n", [reason(fun() -> count(-1, 0) end)]).

reason(F) ->
    try F() catch Class:Reason -> {Class, Reason} end.
