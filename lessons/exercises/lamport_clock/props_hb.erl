%% The clock condition against happens-before as pidlab computes it: if
%% event a happens before event b (a's vector clock is below b's), a's
%% Lamport time is below b's.
-module(props_hb).
-export([always_clock_condition/1, sometimes_finished/1]).

always_clock_condition(E) ->
    Evs = [{T, V} || {K, _, _, T, V} <- E, K =:= local]
        ++ [{T, V} || {K, _, _, _, T, V} <- E, K =:= send orelse K =:= recv],
    lists:all(fun({{Ta, Va}, {Tb, Vb}}) -> not below(Va, Vb) orelse Ta < Tb end,
              [{X, Y} || X <- Evs, Y <- Evs]).

%% Va < Vb: every entry at most, and the clocks differ.
below(Va, Vb) ->
    Va =/= Vb andalso
        lists:all(fun({P, N}) -> N =< maps:get(P, Vb, 0) end, maps:to_list(Va)).

%% The run can end: a clock that loops or waits never gets here.
sometimes_finished(E) -> lists:member(finished, E).
