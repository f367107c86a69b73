%% Checks for the tasks of lesson 09 that run in the shell. Each gets the
%% student's session as a map: events, emitted terms and inputs.
-module(checks).
-export([adversary/1]).

%% At least three {ping, _} messages were lost, and got was never
%% emitted: the student played the link that drops everything.
adversary(#{events := Es, emitted := Emitted}) ->
    Pings = [M || #{kind := send, msg := M, term := {ping, _}} <- Es],
    Dropped = [M || #{kind := drop, msg := M} <- Es, lists:member(M, Pings)],
    N = length(Dropped),
    Got = lists:member(got, Emitted),
    if
        Pings =:= [] ->
            {false, "no ping has been sent yet: start lasso in manual mode (spawn(lasso, main, []).) and step the sender"};
        Got ->
            {false, "a ping got through and the receiver emitted got; :reset, start again, and drop every ping before it is delivered"};
        N < 3 ->
            {false, lists:flatten(io_lib:format("~w ping(s) lost so far; lose three in a row (:drop mN for each ping the sender sends)", [N]))};
        true ->
            true
    end.
