%% ~~, ~n, ~i (ignore argument), io:format/1 and io:fwrite.
-module(format_tilde_misc).
-export([main/0]).

main() ->
    io:format("plain text~n"),
    io:format("tilde: ~~ and percent: %~n"),
    io:format("ignored: [~i] then ~w~n", [secret, shown]),
    io:format("two~nlines~n", []),
    io:fwrite("fwrite ~w ~s~n", [1, "two"]),
    io:fwrite("fwrite no args~n"),
    io:format("~w~w~w~n", [a, b, c]),
    io:format("no newline at end"),
    io:format("~n"),
    io:format("~s~n", [[]]),
    io:format("tab\there, quote\" and backslash\\~n").
