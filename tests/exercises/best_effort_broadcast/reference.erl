-module(best_effort_broadcast).
-export([start/1]).

%% A member waits to learn who the members are, then serves broadcast
%% requests and delivers what the others send it.
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver) end end).

loop(All, Deliver) ->
    receive
        {broadcast, Msg} ->
            [P ! {beb, self(), Msg} || P <- All],
            loop(All, Deliver);
        {beb, Origin, Msg} ->
            Deliver(Origin, Msg),
            loop(All, Deliver)
    end.
