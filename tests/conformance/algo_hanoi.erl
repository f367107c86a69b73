%% Towers of Hanoi: list of moves for small towers, move counts for larger ones.
-module(algo_hanoi).
-export([main/0]).

hanoi(0, _, _, _) -> [];
hanoi(N, From, To, Via) ->
    hanoi(N - 1, From, Via, To) ++ [{N, From, To}] ++ hanoi(N - 1, Via, To, From).

main() ->
    [io:format("move disc ~p from ~p to ~p~n", [D, F, T]) || {D, F, T} <- hanoi(3, left, right, middle)],
    [io:format("~p discs: ~p moves~n", [N, length(hanoi(N, a, c, b))]) || N <- [1, 5, 10, 12]].
