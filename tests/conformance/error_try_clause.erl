%% A try ... of with no matching clause raises {try_clause, Value}.
-module(error_try_clause).
-export([main/0]).

check(X) ->
    try X of
        1 -> one;
        2 -> two
    catch
        _:_ -> caught_inside
    end.

main() ->
    io:format("~p~n", [check(1)]),
    io:format("~p~n", [check(2)]),
    io:format("~p~n", [try check(3) catch error:R -> {outer, R} end]),
    io:format("~p~n", [try check({x, [y]}) catch error:R2 -> {outer, R2} end]).
