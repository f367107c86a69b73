%% fails: the rules, on clocks as values; compare agrees with happens-before, every interleaving of two processes; compare agrees with happens-before, three processes
-module(vector_clock).
-export([new/1, local/1, send/1, recv/2, stamp/1, compare/2]).

%% A receive that takes the larger value in every entry but forgets to
%% count the receive itself.
new(Me) -> {Me, #{}}.

local({Me, V}) -> {Me, tick(Me, V)}.

send(C) ->
    C1 = local(C),
    {stamp(C1), C1}.

recv({Me, V}, W) ->
    {Me, maps:fold(fun(K, N, Acc) -> maps:put(K, max(N, maps:get(K, Acc, 0)), Acc) end,
                   V, W)}.

stamp({_, V}) -> V.

compare(V, W) ->
    case {le(V, W), le(W, V)} of
        {true, true} -> equal;
        {true, false} -> before;
        {false, true} -> 'after';
        {false, false} -> concurrent
    end.

tick(Me, V) -> maps:put(Me, maps:get(Me, V, 0) + 1, V).

le(V, W) -> lists:all(fun({K, N}) -> N =< maps:get(K, W, 0) end, maps:to_list(V)).
