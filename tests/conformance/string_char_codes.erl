%% Character literals with $ and escape sequences in strings.
-module(string_char_codes).
-export([main/0]).

main() ->
    io:format("~w~n", [[$a, $z, $A, $0, $\s, $\n, $\t, $\\, $\", $']]),
    io:format("~w~n", [[$\r, $\e, $\d, $\b, $\f, $\v, $\0]]),
    io:format("~w~n", ["\x41\x{42}\101"]),
    io:format("~w~n", [[$\^a, $\^z]]),
    io:format("~w~n", [$$]),
    io:format("~w~n", [$\x{3bb}]),
    io:format("~p~n", [[$h, $i, $!]]),
    io:format("~p~n", ["tab:\t|"]),
    io:format("~p~n", [$a + 1]),
    io:format("~s~n", [[$a + N || N <- lists:seq(0, 25)]]).
