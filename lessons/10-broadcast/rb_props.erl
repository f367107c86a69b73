%% Properties of rb.erl (two members), explored with the broadcaster p4
%% crashing right after its first send: one member gets hello from the
%% broadcaster, the other does not.
-module(rb_props).
-export([always_no_duplication/1, always_relay_once/1,
         eventually_both_deliver/1]).

%% No member delivers the same message twice.
always_no_duplication(Emitted) ->
    Ds = [{P, From, M} || {deliver, P, From, M} <- Emitted],
    length(Ds) =:= length(lists:usort(Ds)).

%% No member relays the same message twice (else the members would send
%% it back and forth for ever).
always_relay_once(Emitted) ->
    Rs = [{P, From, M} || {relay, P, From, M} <- Emitted],
    length(Rs) =:= length(lists:usort(Rs)).

%% Agreement: one member delivers hello, so both must.
eventually_both_deliver(Emitted) ->
    length(lists:usort([P || {deliver, P, _, hello} <- Emitted])) =:= 2.
