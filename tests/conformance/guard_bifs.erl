%% Guard BIFs: element, tuple_size, length, hd, tl, abs and arithmetic.
-module(guard_bifs).
-export([main/0]).

tagged(T) when tuple_size(T) =:= 2, element(1, T) =:= tag -> {tagged, element(2, T)};
tagged(T) when is_tuple(T), tuple_size(T) > 2 -> long_tuple;
tagged(_) -> no.

short(L) when length(L) < 3 -> short;
short(_) -> long.

first_is_a(L) when hd(L) =:= a -> yes;
first_is_a(_) -> no.

rest_empty(L) when tl(L) =:= [] -> single;
rest_empty(_) -> not_single.

near_zero(X) when abs(X) < 1 -> near;
near_zero(_) -> far.

even(N) when N rem 2 =:= 0 -> even;
even(_) -> odd.

main() ->
    io:format("~p~n", [[tagged(T) || T <- [{tag, 1}, {other, 1}, {a, b, c}, x]]]),
    io:format("~p~n", [[short(L) || L <- [[], [1, 2], [1, 2, 3]]]]),
    io:format("~p~n", [[first_is_a(L) || L <- [[a, b], [b], "a"]]]),
    io:format("~p~n", [[rest_empty(L) || L <- [[x], [x, y]]]]),
    io:format("~p~n", [[near_zero(X) || X <- [0.5, -0.5, -3, 1]]]),
    io:format("~p~n", [[even(N) || N <- [0, 1, -2, -3]]]).
