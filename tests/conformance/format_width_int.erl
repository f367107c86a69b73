%% Integers with ~w, ~b and ~p under field widths, padding and bases.
-module(format_width_int).
-export([main/0]).

main() ->
    io:format("[~5w] [~-5w] [~w]~n", [42, 42, 42]),
    io:format("[~5w] [~-5w]~n", [-42, -42]),
    io:format("[~2w]~n", [12345]),
    io:format("[~b] [~10b] [~-10b]~n", [255, 255, 255]),
    io:format("[~.2b] [~.8b] [~.16b] [~.36b]~n", [255, 255, 255, 255]),
    io:format("[~8.2b] [~-8.16b]~n", [5, 255]),
    io:format("[~8.2.0b]~n", [5]),
    io:format("[~.16b]~n", [-3054]),
    io:format("[~.16b]~n", [1 bsl 80]),
    io:format("[~5w]~n", [abc]),
    io:format("[~10w]~n", [{1, 2}]),
    io:format("[~-10w]~n", [[1, 2]]),
    io:format("[~10.3w]~n", [123456]),
    io:format("[~5..0w]~n", [7]).
