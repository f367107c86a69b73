%% fails: the broadcaster crashes after its first send; two members broadcast the same words, and anyone may crash
-module(eager_reliable_broadcast).
-export([start/1]).

%% Best effort only: the broadcaster sends to the others and delivers its
%% own message itself; nobody relays. When the broadcaster crashes
%% part-way, the members it did not reach never deliver.
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver) end end).

loop(All, Deliver) ->
    receive
        {broadcast, Msg} ->
            [P ! {rb, self(), Msg} || P <- All, P =/= self()],
            Deliver(self(), Msg),
            loop(All, Deliver);
        {rb, Origin, Msg} ->
            Deliver(Origin, Msg),
            loop(All, Deliver)
    end.
