%% fails: one broadcast, no crash; the broadcaster crashes after its first send; the broadcaster crashes after its second send; two members broadcast the same words, and anyone may crash
-module(eager_reliable_broadcast).
-export([start/1]).

%% A relaying member puts its own pid in the message instead of the
%% broadcaster's: the others deliver the relayed copy as a new message
%% from the relayer.
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver, []) end end).

loop(All, Deliver, Seen) ->
    receive
        {broadcast, Msg} ->
            loop(All, Deliver, first(All, Deliver, Seen, self(), Msg));
        {rb, Origin, Msg} ->
            loop(All, Deliver, first(All, Deliver, Seen, Origin, Msg))
    end.

first(All, Deliver, Seen, Origin, Msg) ->
    case lists:member({Origin, Msg}, Seen) of
        true ->
            Seen;
        false ->
            [P ! {rb, self(), Msg} || P <- All, P =/= self()],
            Deliver(Origin, Msg),
            [{Origin, Msg} | Seen]
    end.
