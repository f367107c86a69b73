%% partition, delete, max, min, any, all on various lists.
-module(lists_partition_misc).
-export([main/0]).

main() ->
    io:format("~p~n", [lists:partition(fun(X) -> X rem 2 =:= 0 end, lists:seq(1, 9))]),
    io:format("~p~n", [lists:partition(fun is_atom/1, [a, 1, b, "c", d])]),
    io:format("~p~n", [lists:delete(b, [a, b, c, b])]),
    io:format("~p~n", [lists:delete(z, [a, b])]),
    io:format("~p~n", [lists:delete(1, [1.0, 1])]),
    io:format("~p ~p~n", [lists:max([c, a, b]), lists:min([c, a, b])]),
    io:format("~p ~p~n", [lists:max([1, a, {}, []]), lists:min([1, a, {}, []])]),
    io:format("~p~n", [lists:max(["abc", "abd", "ab"])]),
    io:format("~p~n", [lists:all(fun is_integer/1, [1, 2, 3])]),
    io:format("~p~n", [lists:any(fun is_float/1, [1, 2, 3])]).
