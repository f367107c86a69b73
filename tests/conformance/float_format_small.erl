%% Shortest round-trip printing of small floats with ~p and ~w.
-module(float_format_small).
-export([main/0]).

main() ->
    Fs = [0.1, 0.5, 0.01, 0.001, 0.0001, 1.0e-4, 2.5e-5, 1.0e-10, 1.5e-7,
          0.000123, 0.3333333333333333, 1.0e-100, 0.1e-3],
    [io:format("~p ~w~n", [F, F]) || F <- Fs],
    io:format("~p~n", [Fs]).
