%% fails: one broadcast, three members; two members broadcast at once; two members broadcast the same words
-module(best_effort_broadcast).
-export([start/1]).

%% The wire message does not say who broadcast it, and the receiver
%% delivers it as its own.
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver) end end).

loop(All, Deliver) ->
    receive
        {broadcast, Msg} ->
            [P ! {beb, Msg} || P <- All],
            loop(All, Deliver);
        {beb, Msg} ->
            Deliver(self(), Msg),
            loop(All, Deliver)
    end.
