%% Calling a function that does not exist raises undef.
-module(error_undef).
-export([main/0, visible/0]).

visible() -> i_am_exported.

v(X) -> X.

main() ->
    io:format("~p~n", [?MODULE:visible()]),
    io:format("~p~n", [try (v(?MODULE)):missing() catch error:R -> R end]),
    io:format("~p~n", [try (v(no_such_module_xyz)):f(1) catch error:R2 -> R2 end]),
    io:format("~p~n", [try apply(v(?MODULE), v(hidden), []) catch error:R3 -> R3 end]),
    io:format("~p~n", [try apply(lists, v(reverse), [[1], [2], [3]]) catch error:R4 -> R4 end]),
    io:format("~p~n", [try apply(lists, reverse, [[1, 2, 3]]) catch error:R5 -> R5 end]),
    case catch (v(?MODULE)):visible(1) of
        {'EXIT', {Reason, _}} -> io:format("~p~n", [Reason])
    end.
