%% Shortest round-trip printing of large floats: where the exponent form starts.
-module(float_format_large).
-export([main/0]).

main() ->
    Fs = [1.0, 100.0, 1234.5, 123456789.0, 1.0e10, 12345678901.0,
          1.0e15, 1.0e16, 1.0e17, 123456789012345680.0, 1.0e21, 1.0e22,
          1.0e100, 1.5e300, 9007199254740993.0, 4.0e15, 5.0e15],
    [io:format("~p~n", [F]) || F <- Fs],
    [io:format("~w~n", [-F]) || F <- [1.0, 1.0e10, 1.0e16]].
