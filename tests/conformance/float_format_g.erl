%% General float output with ~g, switching between ~f and ~e styles.
-module(float_format_g).
-export([main/0]).

main() ->
    Fs = [3.14159265, 0.1, 0.0001, 0.00001, 123456.0, 1234567.0, 1.0e10, 0.0, -2.5],
    [io:format("[~g] [~.3g]~n", [F, F]) || F <- Fs],
    io:format("[~10.2g]~n", [5.5]).
