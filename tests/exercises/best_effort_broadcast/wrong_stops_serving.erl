%% fails: two members broadcast at once; two members broadcast the same words
-module(best_effort_broadcast).
-export([start/1]).

%% Once a member has delivered something it only listens for messages to
%% deliver: a broadcast request that comes after that is never served.
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver) end end).

loop(All, Deliver) ->
    receive
        {broadcast, Msg} ->
            [P ! {beb, self(), Msg} || P <- All],
            loop(All, Deliver);
        {beb, Origin, Msg} ->
            Deliver(Origin, Msg),
            deliver_loop(Deliver)
    end.

deliver_loop(Deliver) ->
    receive
        {beb, Origin, Msg} ->
            Deliver(Origin, Msg),
            deliver_loop(Deliver)
    end.
