-module(best_effort_broadcast).
-export([start/1]).

%% Starts one member and returns its pid. Deliver is a fun of two
%% arguments: call Deliver(Origin, Msg) in the member's own process to
%% deliver Msg broadcast by the member Origin.
start(Deliver) ->
    spawn(fun() -> receive {members, All} -> loop(All, Deliver) end end).

%% All: every member's pid, this one's included.
loop(All, Deliver) ->
    receive
        {broadcast, _Msg} ->
            %% TODO: send the message to every member.
            loop(All, Deliver);
        _Other ->
            %% TODO: deliver what the other members send.
            loop(All, Deliver)
    end.
