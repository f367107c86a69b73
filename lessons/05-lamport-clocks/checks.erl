%% Checks for the tasks of lesson 05. Each gets the student's session as a
%% map: events (the trace, one map per event), emitted terms and inputs.
-module(checks).
-export([clock_jump/1]).

%% Some process received a message whose Lamport time was at least 10
%% above the process's own clock: its receive event's Lamport time is at
%% least 10 above the one of its event just before.
clock_jump(#{events := Es}) ->
    Clocked = [E || E = #{lamport := _} <- Es],
    Procs = lists:usort([P || #{proc := P} <- Clocked]),
    Jumps = [{L - Prev, Id, Prev, L}
             || P <- Procs,
                {#{lamport := Prev}, #{kind := 'receive', id := Id, lamport := L}}
                    <- pairs([E || E = #{proc := Q} <- Clocked, Q =:= P])],
    case lists:reverse(lists:sort(Jumps)) of
        [{J, _, _, _} | _] when J >= 10 ->
            true;
        [{_, Id, Prev, L} | _] ->
            {false, lists:flatten(io_lib:format(
                      "the biggest jump at a receive so far is at e~p, from ~p to ~p: "
                      "the message must carry a Lamport time at least 9 above the receiver's clock",
                      [Id, Prev, L]))};
        [] ->
            {false, "no process has received a message after an event of its own yet"}
    end.

%% Each event of a list with the one after it.
pairs([A, B | Rest]) -> [{A, B} | pairs([B | Rest])];
pairs(_) -> [].
