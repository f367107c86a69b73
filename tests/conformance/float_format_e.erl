%% Scientific float output with ~e and precisions.
-module(float_format_e).
-export([main/0]).

main() ->
    io:format("[~e]~n", [3.14159265]),
    io:format("[~.2e]~n", [3.14159265]),
    io:format("[~.3e]~n", [123456.789]),
    io:format("[~e]~n", [0.0]),
    io:format("[~e]~n", [-0.00012345]),
    io:format("[~.4e]~n", [1.0e100]),
    io:format("[~.2e]~n", [9.999]),
    io:format("[~12.3e]~n", [42.0]),
    io:format("[~-12.3e]~n", [42.0]),
    io:format("[~e]~n", [1.0e-300]),
    io:format("[~.10e]~n", [1/3]).
