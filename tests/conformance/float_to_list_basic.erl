%% float_to_list/1 uses the 20-digit scientific form, unlike ~p.
-module(float_to_list_basic).
-export([main/0]).

main() ->
    Fs = [0.1, 1.0, -2.5, 100.0, 1.0e10, 1.0e-10, 123.456, 0.0],
    [io:format("~p -> ~s~n", [F, float_to_list(F)]) || F <- Fs],
    io:format("~p~n", [float_to_list(1.5)]),
    io:format("~p~n", [list_to_atom(float_to_list(2.0))]),
    io:format("~p~n", [length(float_to_list(3.0))]).
