-module(vector_clock).
-export([new/1, local/1, send/1, recv/2, stamp/1, compare/2]).

%% A clock is {Owner, Vector}; a vector is a map from owner to count,
%% with no zero entries. A stamp is a vector.
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
    case {le(V, W), le(W, V)} of
        {true, true} -> equal;
        {true, false} -> before;
        {false, true} -> 'after';
        {false, false} -> concurrent
    end.

tick(Me, V) -> maps:put(Me, maps:get(Me, V, 0) + 1, V).

le(V, W) -> lists:all(fun({K, N}) -> N =< maps:get(K, W, 0) end, maps:to_list(V)).
