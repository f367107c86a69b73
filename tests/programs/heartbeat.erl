%% A heartbeat failure detector: a beater sends a heartbeat every 50 ms; the
%% detector suspects it when nothing arrives for 70 ms. The beater never
%% crashes, so every suspicion is false. Period + delta (50 + 10) < 70, so
%% under synchronous timing there are none; under asynchronous timing some
%% heartbeat is late.
-module(heartbeat).
-export([main/0]).

main() ->
    D = spawn(fun() -> detect(0) end),
    spawn(fun() -> beat(D, 40) end),
    receive after 5000 -> ok end.

beat(_, 0) ->
    done;
beat(D, N) ->
    D ! heartbeat,
    timer:sleep(50),
    beat(D, N - 1).

detect(Beats) ->
    receive
        heartbeat -> detect(Beats + 1)
    after 70 ->
        pidlab:emit({suspect, Beats}),
        detect_after_suspicion(Beats)
    end.

%% Once suspected, wait for the next heartbeat (a late one restores trust).
detect_after_suspicion(Beats) ->
    receive
        heartbeat -> detect(Beats + 1)
    after 1000 -> done
    end.
