%% Agreement for the broadcasts of lessons/10-broadcast (three members;
%% the broadcaster, p5, crashes right after its first send, so one member
%% hears it first-hand): every member delivers hello, and none twice.
-module(agreement_props).
-export([eventually_all_deliver/1, always_no_duplication/1]).

eventually_all_deliver(Emitted) ->
    length(lists:usort([P || {deliver, P, _, hello} <- Emitted])) =:= 3.

always_no_duplication(Emitted) ->
    Ds = [{P, From, M} || {deliver, P, From, M} <- Emitted],
    length(Ds) =:= length(lists:usort(Ds)).
