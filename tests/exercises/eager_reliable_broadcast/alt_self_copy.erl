%% A correct variant (full marks): the broadcaster sends to every member,
%% itself included, and treats its own copy like any other.
-module(eager_reliable_broadcast).
-export([start/1]).
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver, #{}) end end).
loop(All, Deliver, Seen) ->
    receive
        {broadcast, Msg} ->
            [P ! {rb, self(), Msg} || P <- All],
            loop(All, Deliver, Seen);
        {rb, Origin, Msg} = M ->
            case maps:is_key({Origin, Msg}, Seen) of
                true -> loop(All, Deliver, Seen);
                false ->
                    [P ! M || P <- All, P =/= self()],
                    Deliver(Origin, Msg),
                    loop(All, Deliver, Seen#{{Origin, Msg} => true})
            end
    end.
