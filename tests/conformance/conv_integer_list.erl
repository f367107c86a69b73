%% integer_to_list and list_to_integer with signs, leading zeros and bignums.
-module(conv_integer_list).
-export([main/0]).

main() ->
    io:format("~p~n", [integer_to_list(0)]),
    io:format("~p~n", [integer_to_list(-123)]),
    io:format("~p~n", [integer_to_list(1 bsl 90)]),
    io:format("~p~n", [integer_to_list(-(1 bsl 64))]),
    io:format("~p~n", [list_to_integer("42")]),
    io:format("~p~n", [list_to_integer("-42")]),
    io:format("~p~n", [list_to_integer("+42")]),
    io:format("~p~n", [list_to_integer("007")]),
    io:format("~p~n", [list_to_integer("123456789012345678901234567890")]),
    io:format("~p~n", [list_to_integer("-000000000000000000000000000001")]),
    io:format("~p~n", [[try list_to_integer(S) catch error:badarg -> bad end || S <- ["1.0", " 1", "1 ", "-", "0x10"]]]).
