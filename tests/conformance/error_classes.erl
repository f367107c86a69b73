%% try distinguishes the throw, error and exit classes.
-module(error_classes).
-export([main/0]).

raise(throw) -> throw(t);
raise(error) -> error(e);
raise(exit) -> exit(x);
raise(none) -> fine.

classify(Kind) ->
    try raise(Kind) of
        V -> {returned, V}
    catch
        throw:T -> {thrown, T};
        error:E -> {errored, E};
        exit:X -> {exited, X}
    end.

only_throw(Kind) ->
    try raise(Kind) catch Reason -> {default_class_is_throw, Reason} end.

main() ->
    [io:format("~p -> ~p~n", [K, classify(K)]) || K <- [throw, error, exit, none]],
    io:format("~p~n", [only_throw(throw)]),
    io:format("~p~n", [try only_throw(error) catch C:R -> {escaped, C, R} end]),
    io:format("~p~n", [try error({complex, [1, 2]}, [arg]) catch error:R2 -> R2 end]),
    io:format("~p~n", [try exit(normal) catch exit:R3 -> R3 end]),
    io:format("~p~n", [try throw(ok) catch Class:_ -> Class end]).
