%% An if with no true guard raises if_clause.
-module(error_if_clause).
-export([main/0]).

sign(X) ->
    if
        X > 0 -> pos;
        X < 0 -> neg
    end.

main() ->
    io:format("~p~n", [sign(3)]),
    io:format("~p~n", [sign(-3)]),
    io:format("~p~n", [try sign(0) catch error:R -> {error, R} end]),
    io:format("~p~n", [try sign(0.0) catch C:R2 -> {C, R2} end]).
