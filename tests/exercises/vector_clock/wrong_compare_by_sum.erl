%% fails: the rules, on clocks as values; compare agrees with happens-before, every interleaving of two processes; compare agrees with happens-before, three processes
-module(vector_clock).
-export([new/1, local/1, send/1, recv/2, stamp/1, compare/2]).

%% The clock is right, but compare/2 adds up the entries and compares the
%% sums, as if they were Lamport times: it never says concurrent.
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
    A = lists:sum(maps:values(V)),
    B = lists:sum(maps:values(W)),
    if
        A < B -> before;
        A > B -> 'after';
        true -> equal
    end.

tick(Me, V) -> maps:put(Me, maps:get(Me, V, 0) + 1, V).
