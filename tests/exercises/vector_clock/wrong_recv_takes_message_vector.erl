%% fails: the rules, on clocks as values; compare agrees with happens-before, three processes
-module(vector_clock).
-export([new/1, local/1, send/1, recv/2, stamp/1, compare/2]).

%% A receive that takes the message's vector and keeps only its own entry
%% from before: what the receiver had heard of third parties is lost when
%% the sender has not heard of it.
new(Me) -> {Me, #{}}.

local({Me, V}) -> {Me, tick(Me, V)}.

send(C) ->
    C1 = local(C),
    {stamp(C1), C1}.

recv({Me, V}, W) ->
    {Me, tick(Me, maps:put(Me, maps:get(Me, V, 0), W))}.

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
