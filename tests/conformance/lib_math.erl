%% math: every function over integers, floats and bad arguments; badarith where
%% the C library gives an infinity or NaN, as in erl.
-module(lib_math).
-export([main/0]).
t(F) -> try F() catch C:E -> {C, E} end.
ten() -> 10.

main() ->
  One = [{F, X, t(fun() -> math:F(X) end)} || F <- [sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh, exp, log, log2, log10, sqrt, ceil, floor, erf, erfc],
          X <- [0, 1, -1, 0.5, -0.5, 2, 10, 1000, -0.0, 1.0e300, a, "1"]],
  [io:format("~w~n", [R]) || R <- One],
  Two = [{F, X, Y, t(fun() -> math:F(X, Y) end)} || F <- [atan2, pow, fmod],
          X <- [0, 1, -1, 2.5, -8, 10, 0.0], Y <- [0, 1, -1, 0.5, 3, 400, -0.0, 1.0e300, a]],
  [io:format("~w~n", [R]) || R <- Two],
  io:format("~w ~w~n", [math:pi(), math:pow(2, 10)]),
  io:format("~p ~p ~p~n", [math:sqrt(2), math:exp(1), math:log(10)]),
  io:format("~w~n", [t(fun() -> math:pow(ten(), 1000) end)]).
