%% fails: two members broadcast the same words
-module(best_effort_broadcast).
-export([start/1]).

%% "No duplication", taken too far: a member remembers the words it has
%% delivered and drops any later message with the same words, even when
%% another member broadcast them.
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver, []) end end).

loop(All, Deliver, Seen) ->
    receive
        {broadcast, Msg} ->
            [P ! {beb, self(), Msg} || P <- All],
            loop(All, Deliver, Seen);
        {beb, Origin, Msg} ->
            case lists:member(Msg, Seen) of
                true ->
                    loop(All, Deliver, Seen);
                false ->
                    Deliver(Origin, Msg),
                    loop(All, Deliver, [Msg | Seen])
            end
    end.
