%% Catching an exception, inspecting it and raising it again or translating it.
-module(try_rethrow).
-export([main/0]).

inner(X) ->
    try
        if X =:= 0 -> throw(zero); X < 0 -> error(negative); true -> X end
    catch
        throw:zero -> throw({translated, zero});
        error:negative -> exit({was_error, negative})
    end.

outer(X) ->
    try inner(X)
    catch
        Class:Reason -> {Class, Reason}
    end.

main() ->
    io:format("~p~n", [outer(5)]),
    io:format("~p~n", [outer(0)]),
    io:format("~p~n", [outer(-1)]),
    R = try
            try throw(first) catch throw:T -> throw({again, T}) end
        catch
            throw:T2 -> T2
        end,
    io:format("~p~n", [R]).
