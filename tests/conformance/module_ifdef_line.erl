-module(module_ifdef_line).
-export([main/0]).
-define(DEBUG, true).
-ifdef(DEBUG).
-define(MODE, debug).
-else.
-define(MODE, release).
-endif.
-define(X, 1).
-ifdef(NOPE).
-define(X, 2).
-define(F(A), A + 1).
-endif.
-ifndef(NOPE).
-define(Y, yes).
-else.
-define(Y, no).
-endif.
-undef(DEBUG).
-ifdef(DEBUG).
bad() -> this_is_dropped.
-endif.

where(X, {Y, _}) -> {?FUNCTION_NAME, ?FUNCTION_ARITY, ?LINE, X, Y}.
zero() -> {?FUNCTION_NAME, ?FUNCTION_ARITY}.

main() ->
    io:format("~p ~p ~p~n", [?MODE, ?X, ?Y]),
    io:format("~p~n", [where(a, {b, c})]),
    io:format("~p~n", [zero()]),
    io:format("~p ~p ~p~n", [?FUNCTION_NAME, ?FUNCTION_ARITY, ?LINE]).
