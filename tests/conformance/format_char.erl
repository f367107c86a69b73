%% ~c prints characters, with repeat counts and widths.
-module(format_char).
-export([main/0]).

main() ->
    io:format("[~c]~n", [$a]),
    io:format("[~c~c~c]~n", [$x, $y, $z]),
    io:format("[~5c]~n", [$*]),
    io:format("[~-3c]~n", [$q]),
    io:format("[~3.2c]~n", [$=]),
    io:format("[~c]~n", [65]),
    io:format("[~c]~n", [$\t]),
    io:format("[~w ~w ~w]~n", [$a, $\n, $\s]),
    io:format("[~p]~n", [[$h, $i]]),
    io:format("[~w]~n", [[$h, $i]]).
