-module(error_atom_arith).
-export([main/0]).
%% Arithmetic on an atom compiles (with a warning) and fails when it runs.
main() ->
    io:format("~p~n", [try a + 1 catch error:R -> R end]),
    io:format("~p~n", [try 2 * b catch C:R2 -> {C, R2} end]),
    io:format("~p~n", [try -c catch C3:R3 -> {C3, R3} end]).
