%% A correct variant (full marks): deliver first, then relay, to every
%% member but oneself and the broadcaster.
-module(eager_reliable_broadcast).
-export([start/1]).
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver, []) end end).
loop(All, Deliver, Seen) ->
    receive
        {broadcast, Msg} ->
            Deliver(self(), Msg),
            [P ! {relay, self(), Msg} || P <- All, P =/= self()],
            loop(All, Deliver, [{self(), Msg} | Seen]);
        {relay, Origin, Msg} ->
            case lists:member({Origin, Msg}, Seen) of
                true -> loop(All, Deliver, Seen);
                false ->
                    Deliver(Origin, Msg),
                    [P ! {relay, Origin, Msg} || P <- All, P =/= self(), P =/= Origin],
                    loop(All, Deliver, [{Origin, Msg} | Seen])
            end
    end.
