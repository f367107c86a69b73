%% Failed matches raise {badmatch, Value}.
-module(error_badmatch).
-export([main/0]).

value(X) -> X.

attempt(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:Reason -> {caught, Reason}
    end.

main() ->
    io:format("~p~n", [attempt(fun() -> {a, _} = value({b, 1}) end)]),
    io:format("~p~n", [attempt(fun() -> [H | _] = value([]), H end)]),
    io:format("~p~n", [attempt(fun() -> 3 = value(3.0) end)]),
    io:format("~p~n", [attempt(fun() -> X = value(1), X = value(2) end)]),
    io:format("~p~n", [attempt(fun() -> {X, X} = value({1, 2}) end)]),
    io:format("~p~n", [attempt(fun() -> "abc" = value("abd") end)]),
    io:format("~p~n", [attempt(fun() -> #{k := V} = value(#{j => 1}), V end)]),
    io:format("~p~n", [attempt(fun() -> {ok, V} = value({ok, 7}), V * 2 end)]),
    io:format("~p~n", [attempt(fun() -> [_, _ | T] = value([1, 2, 3]), T end)]).
