-module(format_wide_chars).
-export([main/0]).
main() ->
    io:format("~p~n", [[1087,1088]]),
    io:format("~tp~n", [[1087,1088]]),
    io:format("~ts~n", [[1087,1088]]),
    io:format("~w~n", [[1087,1088]]),
    io:format("~p~n", ["héllo"]),
    io:format("~ts|~s~n", ["héllo", "héllo"]),
    io:format("~tc~n", [1087]),
    io:format("~p~n", [list_to_atom([1000])]),
    io:format("~tp~n", [{"€", [8364]}]).
