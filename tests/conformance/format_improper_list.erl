%% Printing improper lists and lists whose tail is another structure.
-module(format_improper_list).
-export([main/0]).

main() ->
    io:format("~w~n", [[1 | 2]]),
    io:format("~p~n", [[a, b | c]]),
    io:format("~p~n", [[$a, $b | $c]]),
    io:format("~p~n", [[$a, $b | "cd"]]),
    io:format("~p~n", [[1 | {2, 3}]]),
    io:format("~p~n", [[[] | []]]),
    io:format("~p~n", [[1, 2 | [3 | [4]]]]),
    io:format("~w~n", [["ab" | cd]]),
    io:format("~p~n", [{[x | y], #{k => [1 | 2]}}]),
    io:format("is_list: ~p~n", [is_list([1 | 2])]),
    io:format("hd/tl: ~p ~p~n", [hd([1 | 2]), tl([1 | 2])]).
