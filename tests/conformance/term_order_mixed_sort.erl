%% Sorting a list mixing numbers, atoms, tuples, maps, nil and lists.
-module(term_order_mixed_sort).
-export([main/0]).

main() ->
    Mixed = [[1, 2], {b}, #{a => 1}, zebra, 3, [], 2.5, {a, b}, "abc", apple,
             -10, #{}, {}, [0], 1 bsl 70, -1.0e30, 'Zed', {a}, #{a => 0, b => 1}],
    Sorted = lists:sort(Mixed),
    [io:format("~p~n", [T]) || T <- Sorted],
    io:format("reverse: ~w~n", [lists:reverse(Sorted) =:= lists:sort(fun(A, B) -> A >= B end, Mixed)]),
    io:format("atom < tuple: ~w, tuple < map: ~w, map < nil: ~w, nil < list: ~w~n",
              [zzz < {}, {a, b, c} < #{}, #{a => 1} < [], [] < [0]]),
    io:format("number < atom: ~w, big < atom: ~w~n", [1.0e300 < a, (1 bsl 200) < a]).
