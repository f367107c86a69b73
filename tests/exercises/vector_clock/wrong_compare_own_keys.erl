%% fails: the rules, on clocks as values; compare agrees with happens-before, every interleaving of two processes; compare agrees with happens-before, three processes
-module(vector_clock).
-export([new/1, local/1, send/1, recv/2, stamp/1, compare/2]).

%% The clock is right, but compare/2 looks only at the entries the first
%% stamp has: an entry that only the second stamp has is never seen.
new(Me) -> {Me, #{}}.

local({Me, V}) -> {Me, tick(Me, V)}.

send(C) ->
    C1 = local(C),
    {stamp(C1), C1}.

recv({Me, V}, W) ->
    Max = maps:fold(fun(K, N, Acc) -> maps:put(K, max(N, maps:get(K, Acc, 0)), Acc) end,
                    V, W),
    {Me, tick(Me, Max)}.

stamp({_, V}) -> V.

compare(V, W) ->
    Pairs = [{N, maps:get(K, W, 0)} || {K, N} <- maps:to_list(V)],
    Le = lists:all(fun({X, Y}) -> X =< Y end, Pairs),
    Ge = lists:all(fun({X, Y}) -> X >= Y end, Pairs),
    case {Le, Ge} of
        {true, true} -> equal;
        {true, false} -> before;
        {false, true} -> 'after';
        {false, false} -> concurrent
    end.

tick(Me, V) -> maps:put(Me, maps:get(Me, V, 0) + 1, V).
