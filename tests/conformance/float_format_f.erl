%% Fixed-point float output with ~f, precisions and field widths.
-module(float_format_f).
-export([main/0]).

main() ->
    io:format("[~f]~n", [3.14159265]),
    io:format("[~.2f]~n", [3.14159265]),
    io:format("[~.1f]~n", [2.25]),
    io:format("[~.1f]~n", [0.05]),
    io:format("[~8.3f]~n", [3.14159265]),
    io:format("[~-8.3f]~n", [3.14159265]),
    io:format("[~10.2f]~n", [-1234.567]),
    io:format("[~.3f]~n", [-0.0005]),
    io:format("[~f]~n", [1.0e10]),
    io:format("[~.2f]~n", [1.0e-10]),
    io:format("[~4.1f]~n", [123456.7]),
    io:format("[~.5f]~n", [1/3]),
    io:format("[~f]~n", [0.1 + 0.2]),
    io:format("[~.2f] [~.2f]~n", [1.005, 2.675]).
