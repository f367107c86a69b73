%% Checks for the tasks of lesson 03. Each gets the student's session as a
%% map: events (the trace, one map per event), emitted terms and inputs.
-module(checks).
-export([trusted_after_stop/1]).

%% Some beater emitted {stopped, _}, and later its detector (the process
%% it sent heartbeats to) emitted {trust, _}: a heartbeat arrived after
%% the beater had stopped, and the detector believed it alive.
trusted_after_stop(#{events := Es}) ->
    Stops = [{Id, P} || #{kind := emit, id := Id, proc := P, term := {stopped, _}} <- Es],
    Wrong = [Id || {Stop, Beater} <- Stops,
                   #{kind := emit, id := Id, proc := D, term := {trust, _}} <- Es,
                   Id > Stop,
                   lists:member(D, detectors(Beater, Es))],
    case {Stops, Wrong} of
        {_, [_ | _]} ->
            true;
        {[], []} ->
            {false, "no beater has stopped yet: run heartbeat:start(10, 80). (after c(heartbeat).)"};
        {_, []} ->
            {false, "in every run so far, the detector trusted the beater only while it was still beating: try :timing async and other seeds"}
    end.

%% The processes Beater sent a heartbeat to.
detectors(Beater, Es) ->
    [To || #{kind := send, proc := P, to := To, term := heartbeat} <- Es, P =:= Beater].
