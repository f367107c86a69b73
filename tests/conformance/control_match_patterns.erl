%% Pattern matching: nested structures, repeated variables, aliases with =, literals.
-module(control_match_patterns).
-export([main/0]).

same({X, X}) -> same;
same({_, _}) -> different.

head_tail([H | T]) -> {H, T}.

with_alias({point, X, _} = P) -> {X, P}.

main() ->
    {A, [B, {C, D}], E} = {1, [2, {3, 4}], 5},
    io:format("~p~n", [[A, B, C, D, E]]),
    io:format("~p~n", [[same(P) || P <- [{1, 1}, {1, 2}, {1, 1.0}, {[a], [a]}]]]),
    io:format("~p~n", [head_tail("xyz")]),
    io:format("~p~n", [with_alias({point, 7, 8})]),
    [First, Second | Rest] = lists:seq(1, 6),
    io:format("~p ~p ~p~n", [First, Second, Rest]),
    X = Y = 10,
    io:format("~p ~p~n", [X, Y]),
    {_, _, Third} = {ignore, ignore, keep},
    io:format("~p~n", [Third]),
    "ab" ++ Tail = "abcdef",
    io:format("~p~n", [Tail]),
    {ok, [_ | _] = NonEmpty} = {ok, [1]},
    io:format("~p~n", [NonEmpty]),
    [{K, V}] = maps:to_list(#{only => 1}),
    io:format("~p ~p~n", [K, V]),
    _Unused = 5,
    io:format("~p~n", [1.0 =:= 1.0]).
