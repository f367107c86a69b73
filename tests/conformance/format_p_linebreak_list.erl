%% ~p line breaking of long lists of numbers, strings and nested lists.
-module(format_p_linebreak_list).
-export([main/0]).

main() ->
    io:format("~p~n", [lists:seq(1, 40)]),
    io:format("~p~n", [lists:seq(1000, 1030)]),
    io:format("~p~n", [[lists:seq(1, N) || N <- lists:seq(1, 9)]]),
    io:format("~p~n", [["first string", "second string", "third string", "fourth string", "fifth"]]),
    io:format("~p~n", [[{key, N, [N, N * N]} || N <- lists:seq(1, 8)]]),
    io:format("~p~n", [lists:duplicate(30, x)]),
    io:format("~p~n", [[lists:duplicate(20, $a) ++ [1]]]).
