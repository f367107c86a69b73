%% fails: two members broadcast the same words, and anyone may crash
-module(eager_reliable_broadcast).
-export([start/1]).

%% Relays and ignores copies as it should, but remembers only the words:
%% hello from b is taken for a copy of hello from a, and dropped.
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
    case lists:member(Msg, Seen) of
        true ->
            Seen;
        false ->
            [P ! {rb, Origin, Msg} || P <- All, P =/= self()],
            Deliver(Origin, Msg),
            [Msg | Seen]
    end.
