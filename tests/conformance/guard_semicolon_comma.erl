%% Guards: comma means all must hold, semicolon means any guard sequence may hold.
-module(guard_semicolon_comma).
-export([main/0]).

both(X) when is_integer(X), X > 10 -> big_int;
both(_) -> other.

either(X) when is_atom(X); is_list(X) -> atom_or_list;
either(_) -> other.

mixed(X, Y) when X > 0, Y > 0; X < 0, Y < 0 -> same_sign;
mixed(_, _) -> different_or_zero.

range(X) when X >= 1, X =< 5 -> in;
range(_) -> out.

main() ->
    io:format("~p~n", [[both(X) || X <- [20, 5, 20.0, a]]]),
    io:format("~p~n", [[either(X) || X <- [a, [1], 1, {a}]]]),
    io:format("~p~n", [[mixed(X, Y) || {X, Y} <- [{1, 2}, {-1, -2}, {1, -2}, {0, 0}]]]),
    io:format("~p~n", [[range(X) || X <- [0, 1, 3, 5, 6, 2.5]]]),
    R = if
            1 > 2; 3 > 2 -> semicolon_any;
            true -> fallback
        end,
    io:format("~p~n", [R]).
