%% fails: one broadcast, three members; two members broadcast at once; two members broadcast the same words
-module(best_effort_broadcast).
-export([start/1]).

%% The broadcaster sends to the other members only and forgets to
%% deliver its own message.
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver) end end).

loop(All, Deliver) ->
    receive
        {broadcast, Msg} ->
            [P ! {beb, self(), Msg} || P <- All, P =/= self()],
            loop(All, Deliver);
        {beb, Origin, Msg} ->
            Deliver(Origin, Msg),
            loop(All, Deliver)
    end.
