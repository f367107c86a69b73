%% Tuples compare by size first, then elements; lists compare element-wise.
-module(term_order_tuples_lists).
-export([main/0]).

main() ->
    io:format("~w~n", [lists:sort([{b}, {a, a}, {z}, {}, {a, b, c}, {a, 1}])]),
    io:format("~w~n", [{1, 2} < {1, 3}]),
    io:format("~w~n", [{9} < {1, 1}]),
    io:format("~w~n", [{2, a} < {2, 1}]),
    io:format("~w~n", [lists:sort([[2], [1, 2, 3], [1, 2], [], [1, 3], [0 | 5]])]),
    io:format("~w~n", [[1, 2] < [1, 2, 0]]),
    io:format("~w~n", [[2] > [1, 99, 99]]),
    io:format("~w~n", [[1 | 2] < [1, 2]]),
    io:format("~w~n", ["abc" < "abd"]),
    io:format("~w~n", ["Zebra" < "apple"]),
    io:format("~w~n", [lists:sort(["pear", "Apple", "apple", "fig", "", "figs"])]),
    io:format("~p~n", [lists:sort(["pear", "Apple", "apple", "fig", "", "figs"])]),
    io:format("~w~n", [{[], []} == {[], []}]),
    io:format("~w~n", [{1, [a]} =:= {1, [a]}]).
