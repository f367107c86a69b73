%% flatten, ++ and -- on nested and duplicate elements.
-module(lists_flatten_append).
-export([main/0]).

main() ->
    io:format("~p~n", [lists:flatten([1, [2, [3, [4, []]]], [[5]]])]),
    io:format("~p~n", [lists:flatten(["ab", [$c, "de"], []])]),
    io:format("~p~n", [lists:flatten([[], [[]], [[[]]]])]),
    io:format("~p~n", [lists:flatten([{a, [b]}, [c]])]),
    io:format("~p~n", [[1, 2] ++ [3, 4]]),
    io:format("~p~n", [[] ++ []]),
    io:format("~p~n", ["abc" ++ [100]]),
    io:format("~p~n", [[1, 2, 3, 2, 1] -- [2]]),
    io:format("~p~n", [[1, 2, 3, 2, 1] -- [2, 2, 2]]),
    io:format("~p~n", [[a, b, c] -- [c, a]]),
    io:format("~p~n", ["hello world" -- "lo"]),
    io:format("~p~n", [[1, 1.0, 1] -- [1.0]]),
    io:format("~p~n", [[1] ++ []]).
