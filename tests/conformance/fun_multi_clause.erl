%% Anonymous funs with several clauses, patterns and guards.
-module(fun_multi_clause).
-export([main/0]).

main() ->
    Kind = fun(X) when is_integer(X), X < 0 -> negative;
              (0) -> zero;
              (X) when is_integer(X) -> positive;
              (X) when is_float(X) -> float;
              ({_, _}) -> pair;
              ([]) -> empty;
              (_) -> other
           end,
    io:format("~p~n", [[Kind(X) || X <- [-5, 0, 5, 1.5, {a, b}, [], "s", x]]]),
    Area = fun({circle, R}) -> 3 * R * R;
              ({rect, W, H}) -> W * H;
              ({square, S}) -> S * S
           end,
    io:format("~p~n", [lists:map(Area, [{circle, 2}, {rect, 3, 4}, {square, 5}])]),
    Swap = fun({A, B}) -> {B, A} end,
    io:format("~p~n", [lists:map(Swap, [{1, 2}, {x, y}])]),
    Max = fun(A, B) when A >= B -> A; (_, B) -> B end,
    io:format("~p~n", [lists:foldl(Max, 0, [3, 9, 2, 7])]).
