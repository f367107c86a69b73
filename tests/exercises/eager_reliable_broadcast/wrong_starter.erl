%% fails: one broadcast, no crash; the broadcaster crashes after its first send; the broadcaster crashes after its second send; two members broadcast the same words, and anyone may crash
-module(eager_reliable_broadcast).
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
            %% TODO: broadcast the message, so that if one correct member
            %% delivers it, every correct member does.
            loop(All, Deliver);
        _Other ->
            %% TODO: the messages members send each other.
            loop(All, Deliver)
    end.
