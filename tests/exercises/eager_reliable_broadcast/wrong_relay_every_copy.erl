%% fails: one broadcast, no crash; the broadcaster crashes after its first send; the broadcaster crashes after its second send; two members broadcast the same words, and anyone may crash
-module(eager_reliable_broadcast).
-export([start/1]).

%% Delivers each message once, but relays every copy it receives, so the
%% copies go round for ever.
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver, []) end end).

loop(All, Deliver, Seen) ->
    receive
        {broadcast, Msg} ->
            loop(All, Deliver, got(All, Deliver, Seen, self(), Msg));
        {rb, Origin, Msg} ->
            loop(All, Deliver, got(All, Deliver, Seen, Origin, Msg))
    end.

got(All, Deliver, Seen, Origin, Msg) ->
    [P ! {rb, Origin, Msg} || P <- All, P =/= self()],
    case lists:member({Origin, Msg}, Seen) of
        true ->
            Seen;
        false ->
            Deliver(Origin, Msg),
            [{Origin, Msg} | Seen]
    end.
