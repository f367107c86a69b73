%% ~s with field widths, left/right padding, precision truncation and pad chars.
-module(format_width_string).
-export([main/0]).

main() ->
    io:format("[~s]~n", ["hello"]),
    io:format("[~10s]~n", ["hello"]),
    io:format("[~-10s]~n", ["hello"]),
    io:format("[~3s]~n", ["hello"]),
    io:format("[~.3s]~n", ["hello"]),
    io:format("[~10.3s]~n", ["hello"]),
    io:format("[~-10.3s]~n", ["hello"]),
    io:format("[~10.._s]~n", ["pad"]),
    io:format("[~s]~n", [hello_atom]),
    io:format("[~12s]~n", [hello_atom]),
    io:format("[~s]~n", [["ab", $c, ["de", [$f]]]]),
    io:format("[~s]~n", [""]),
    io:format("[~5s]~n", [""]),
    io:format("[~s|~s]~n", ["a", "b"]).
