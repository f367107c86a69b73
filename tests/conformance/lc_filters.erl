%% Comprehension filters: guards, boolean expressions and several filters.
-module(lc_filters).
-export([main/0]).

is_prime(N) when N < 2 -> false;
is_prime(N) -> lists:all(fun(D) -> N rem D =/= 0 end, lists:seq(2, trunc(math_sqrt(N)))).

math_sqrt(N) -> sqrt_iter(N, 0).
sqrt_iter(N, R) when (R + 1) * (R + 1) > N -> R;
sqrt_iter(N, R) -> sqrt_iter(N, R + 1).

main() ->
    io:format("~p~n", [[X || X <- lists:seq(1, 20), X rem 2 =:= 0]]),
    io:format("~p~n", [[X || X <- lists:seq(1, 50), is_prime(X)]]),
    io:format("~p~n", [[X || X <- lists:seq(1, 30), X rem 3 =:= 0, X rem 5 =:= 0]]),
    io:format("~p~n", [[X || X <- [1, a, 2.0, "s", {t}, b], is_atom(X)]]),
    io:format("~p~n", [[{X, Y} || X <- lists:seq(1, 5), Y <- lists:seq(1, 5), X + Y =:= 6, X < Y]]),
    Lim = 3,
    io:format("~p~n", [[X || X <- [5, 1, 4, 2, 3], X =< Lim]]),
    io:format("~p~n", [[X || X <- [1, 2, 3], true]]),
    io:format("~p~n", [[X || X <- [1, 2, 3], false]]).
