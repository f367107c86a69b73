%% A heartbeat failure detector. The beater sends a heartbeat every 50 ms
%% and, after so many, stops, as if it had crashed. The detector suspects
%% it when no heartbeat has come for Timeout ms, and trusts it again if
%% one comes after all. It says what happens, with the virtual time, and
%% emits {stopped, T}, {suspect, T} and {trust, T} for the explorer.
-module(heartbeat).
-export([main/0, start/2]).

%% For the explorer: three heartbeats. With messages taking at most
%% 20 ms, heartbeats arrive at most 50 + 20 = 70 ms apart: wait longer.
main() ->
    start(3, 80).

start(Beats, Timeout) ->
    Detector = spawn(fun() -> detect(Timeout) end),
    spawn(fun() -> beat(Detector, Beats) end),
    ok.

beat(_, 0) ->
    say(stopped, "the beater stops");
beat(Detector, N) ->
    Detector ! heartbeat,
    timer:sleep(50),
    beat(Detector, N - 1).

detect(Timeout) ->
    receive
        heartbeat -> detect(Timeout)
    after Timeout ->
        say(suspect, "the detector suspects the beater"),
        suspected(Timeout)
    end.

%% A heartbeat after a suspicion shows that the suspicion was wrong.
suspected(Timeout) ->
    receive
        heartbeat ->
            say(trust, "the detector trusts the beater again"),
            detect(Timeout)
    after 1000 ->
        done
    end.

say(What, Text) ->
    T = erlang:monotonic_time(millisecond),
    pidlab:emit({What, T}),
    io:format("t=~p: ~s~n", [T, Text]).
