%% lists:sort/1, sort/2 with custom orderings, and usort removing duplicates.
-module(lists_sort).
-export([main/0]).

main() ->
    io:format("~p~n", [lists:sort([5, 3, 8, 1, 9, 2, 3])]),
    io:format("~p~n", [lists:sort(fun(A, B) -> A >= B end, [5, 3, 8, 1, 9, 2, 3])]),
    io:format("~p~n", [lists:usort([5, 3, 8, 1, 9, 2, 3, 5, 5])]),
    io:format("~p~n", [lists:sort([])]),
    io:format("~p~n", [lists:sort(["banana", "apple", "cherry"])]),
    ByLen = fun(A, B) -> length(A) =< length(B) end,
    io:format("~p~n", [lists:sort(ByLen, ["ccc", "a", "bb", "dd", "e"])]),
    BySecond = fun({_, X}, {_, Y}) -> X =< Y end,
    io:format("~p~n", [lists:sort(BySecond, [{a, 3}, {b, 1}, {c, 2}, {d, 1}])]),
    io:format("~p~n", [lists:usort([{b, 2}, {a, 1}, {b, 2}, {a, 2}])]),
    io:format("~p~n", [lists:sort([{2, b}, {1, z}, {2, a}, {1, a}])]).
