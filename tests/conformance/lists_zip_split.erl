%% zip, unzip, split, sublist, nthtail and enumerate.
-module(lists_zip_split).
-export([main/0]).

main() ->
    Z = lists:zip([1, 2, 3], [a, b, c]),
    io:format("~p~n", [Z]),
    io:format("~p~n", [lists:unzip(Z)]),
    io:format("~p~n", [lists:split(2, [a, b, c, d, e])]),
    io:format("~p~n", [lists:split(0, [a, b])]),
    io:format("~p~n", [lists:split(2, [a, b])]),
    io:format("~p~n", [lists:sublist([a, b, c, d, e], 3)]),
    io:format("~p~n", [lists:sublist([a, b, c, d, e], 2, 3)]),
    io:format("~p~n", [lists:sublist([a, b], 5)]),
    io:format("~p~n", [lists:nthtail(2, [a, b, c, d])]),
    io:format("~p~n", [lists:nthtail(4, [a, b, c, d])]),
    io:format("~p~n", [lists:enumerate([x, y, z])]),
    io:format("~p~n", [try lists:zip([1, 2], [a]) catch error:_ -> mismatched_lengths end]).
