%% lists:seq, reverse, sum, nth, member, last, duplicate, append and length.
-module(lists_basic).
-export([main/0]).

main() ->
    io:format("~p~n", [lists:seq(1, 10)]),
    io:format("~p~n", [lists:seq(10, 1, -3)]),
    io:format("~p~n", [lists:seq(0, 20, 5)]),
    io:format("~p~n", [lists:seq(5, 4)]),
    io:format("~p~n", [lists:reverse([1, [2, 3], 4])]),
    io:format("~p ~p~n", [lists:sum([]), lists:sum([1.5, 2.5])]),
    io:format("~p ~p~n", [lists:nth(1, [a, b, c]), lists:nth(3, [a, b, c])]),
    io:format("~p ~p~n", [lists:member(b, [a, b, c]), lists:member(z, [a, b, c])]),
    io:format("~p~n", [lists:last([1, 2, 3])]),
    io:format("~p ~p~n", [lists:duplicate(3, xy), lists:duplicate(0, xy)]),
    io:format("~p~n", [lists:duplicate(4, $z)]),
    io:format("~p~n", [lists:append([[1], [2, 3], [], [4]])]),
    io:format("~p~n", [lists:append("abc", "def")]),
    io:format("~p ~p~n", [length([]), length([[1, 2], [3]])]),
    io:format("~p~n", [lists:max([3, 1, 4]) + lists:min([3, 1, 4])]).
