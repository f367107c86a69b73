%% fails: three nodes, one crashes: both others suspect it, random executions; another period and delta, any delay up to delta, random executions
-module(heartbeat).
-export([node/4]).

%% One timer for all the peers: any heartbeat restarts it, and when it
%% runs out every peer is suspected. As long as one peer is alive, a
%% crashed one is never noticed.
node(Peers, User, Period, Delta) ->
    Now = now_ms(),
    beat(Peers),
    loop(Peers, User, Period, Period + 2 * Delta, Now + Period, Now, false).

loop(Peers, User, Period, Timeout, NextBeat, Last, Told) ->
    Now = now_ms(),
    Deadline = case Told of
                   true -> NextBeat;
                   false -> min(NextBeat, Last + Timeout)
               end,
    Wait = max(0, Deadline - Now),
    receive
        stop ->
            ok;
        {heartbeat, _P} ->
            loop(Peers, User, Period, Timeout, NextBeat, now_ms(), Told)
    after Wait ->
        T = now_ms(),
        Told1 = case not Told andalso T >= Last + Timeout of
                    true ->
                        [User ! {suspect, self(), P} || P <- Peers],
                        true;
                    false ->
                        Told
                end,
        case T >= NextBeat of
            true ->
                beat(Peers),
                loop(Peers, User, Period, Timeout, NextBeat + Period, Last, Told1);
            false ->
                loop(Peers, User, Period, Timeout, NextBeat, Last, Told1)
        end
    end.

beat(Peers) ->
    [P ! {heartbeat, self()} || P <- Peers],
    ok.

now_ms() -> erlang:monotonic_time(millisecond).
