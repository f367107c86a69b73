%% Properties of the ticket office, over the terms emitted so far.
-module(tickets_props).
-export([always_unique/1, eventually_served/1, sometimes_bob_first/1]).

%% Safety: no ticket number is handed out twice.
always_unique(Emitted) ->
    Ns = [N || {ticket, _, N} <- Emitted],
    length(Ns) =:= length(lists:usort(Ns)).

%% Liveness: in the end, both clients hold a ticket.
eventually_served(Emitted) ->
    length([N || {ticket, _, N} <- Emitted]) =:= 2.

%% Possibility: bob can be first in the queue.
sometimes_bob_first(Emitted) ->
    lists:member({ticket, bob, 1}, Emitted).
