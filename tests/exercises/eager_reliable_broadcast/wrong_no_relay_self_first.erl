%% fails: the broadcaster crashes after its second send; two members broadcast the same words, and anyone may crash
-module(eager_reliable_broadcast).
-export([start/1]).

%% Best effort only, and the broadcaster's first send is to itself: a
%% crash right after it leaves no one with the message (which agreement
%% allows), but a crash after the second send leaves one member without.
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver) end end).

loop(All, Deliver) ->
    receive
        {broadcast, Msg} ->
            [P ! {rb, self(), Msg} || P <- All],
            loop(All, Deliver);
        {rb, Origin, Msg} ->
            Deliver(Origin, Msg),
            loop(All, Deliver)
    end.
