%% fails: another period and delta, any delay up to delta, random executions
-module(heartbeat).
-export([node/4]).

%% Sends a heartbeat to every peer every Period ms, and suspects a peer
%% when nothing has come from it for Period ms: forgets that a heartbeat
%% may take up to Delta ms on its way.
node(Peers, User, Period, _Delta) ->
    Now = now_ms(),
    beat(Peers),
    Heard = maps:from_list([{P, Now} || P <- Peers]),
    loop(Peers, User, Period, Period, Now + Period, Heard).

%% Heard: the peers not suspected yet, with the time last heard from.
loop(Peers, User, Period, Timeout, NextBeat, Heard) ->
    Now = now_ms(),
    Deadlines = [NextBeat | [T + Timeout || T <- maps:values(Heard)]],
    Wait = max(0, lists:min(Deadlines) - Now),
    receive
        stop ->
            ok;
        {heartbeat, P} ->
            Heard1 = case maps:is_key(P, Heard) of
                         true -> maps:put(P, now_ms(), Heard);
                         false -> Heard
                     end,
            loop(Peers, User, Period, Timeout, NextBeat, Heard1)
    after Wait ->
        T = now_ms(),
        Late = [P || {P, Last} <- maps:to_list(Heard), T >= Last + Timeout],
        [User ! {suspect, self(), P} || P <- Late],
        Heard1 = maps:without(Late, Heard),
        case T >= NextBeat of
            true ->
                beat(Peers),
                loop(Peers, User, Period, Timeout, NextBeat + Period, Heard1);
            false ->
                loop(Peers, User, Period, Timeout, NextBeat, Heard1)
        end
    end.

beat(Peers) ->
    [P ! {heartbeat, self()} || P <- Peers],
    ok.

now_ms() -> erlang:monotonic_time(millisecond).
