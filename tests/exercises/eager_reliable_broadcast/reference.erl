-module(eager_reliable_broadcast).
-export([start/1]).

%% A member waits to learn who the members are. A message it meets for
%% the first time (its own broadcast, or one from another member) it
%% first relays to every other member, then delivers; later copies of it
%% are ignored.
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver, []) end end).

%% Seen: the messages delivered so far, as {Origin, Msg}.
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
            [P ! {rb, Origin, Msg} || P <- All, P =/= self()],
            Deliver(Origin, Msg),
            [{Origin, Msg} | Seen]
    end.
