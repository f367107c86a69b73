%% Threading state through funs: a fold-based counter and an accumulator of funs.
-module(fun_counter_state).
-export([main/0]).

counter() -> counter(0).
counter(N) -> {N, fun() -> counter(N + 1) end}.

word_counts(Words) ->
    lists:foldl(fun(W, Acc) -> maps:put(W, maps:get(W, Acc, 0) + 1, Acc) end, #{}, Words).

main() ->
    {A, NextA} = counter(),
    {B, NextB} = NextA(),
    {C, _} = NextB(),
    io:format("~p ~p ~p~n", [A, B, C]),
    Counts = word_counts([the, cat, sat, on, the, mat, the, cat]),
    io:format("~p~n", [lists:sort(maps:to_list(Counts))]),
    Ops = [{add, fun(X, Y) -> X + Y end}, {sub, fun(X, Y) -> X - Y end}, {mul, fun(X, Y) -> X * Y end}],
    [io:format("~p: ~p~n", [Name, Op(6, 3)]) || {Name, Op} <- Ops].
