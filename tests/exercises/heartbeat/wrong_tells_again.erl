%% fails: two nodes, one crashes; three nodes, one crashes: both others suspect it, random executions; another period and delta, any delay up to delta, random executions
-module(heartbeat).
-export([node/4]).

%% Suspects a silent peer, and then tells the user again every time the
%% timeout runs out once more: the user hears of the same crash over and
%% over.
node(Peers, User, Period, Delta) ->
    Now = now_ms(),
    beat(Peers),
    Heard = maps:from_list([{P, Now} || P <- Peers]),
    loop(Peers, User, Period, Period + 2 * Delta, Now + Period, Heard).

loop(Peers, User, Period, Timeout, NextBeat, Heard) ->
    Now = now_ms(),
    Deadlines = [NextBeat | [T + Timeout || T <- maps:values(Heard)]],
    Wait = max(0, lists:min(Deadlines) - Now),
    receive
        stop ->
            ok;
        {heartbeat, P} ->
            loop(Peers, User, Period, Timeout, NextBeat, maps:put(P, now_ms(), Heard))
    after Wait ->
        T = now_ms(),
        Late = [P || {P, Last} <- maps:to_list(Heard), T >= Last + Timeout],
        [User ! {suspect, self(), P} || P <- Late],
        %% Start the wait for a late peer over, instead of dropping it.
        Heard1 = maps:merge(Heard, maps:from_list([{P, T} || P <- Late])),
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
