%% Checks for the tasks of lesson 01. Each gets the student's session as a
%% map: events (the trace, one map per event), emitted terms and inputs.
-module(checks).
-export([replied/1, down_abnormal/1]).

%% Some process received {hello, From} and then sent a message to From.
replied(#{events := Es}) ->
    Hellos = [{P, From} || #{kind := 'receive', proc := P, term := {hello, From}} <- Es],
    Sends = [{P, To} || #{kind := send, proc := P, to := To} <- Es],
    case [H || H <- Hellos, lists:member(H, Sends)] of
        [_ | _] -> true;
        [] when Hellos =:= [] -> {false, "no process has received a {hello, From} message yet"};
        [] -> {false, "a process received {hello, From} but sent nothing back to From"}
    end.

%% A 'DOWN' message with a reason other than normal was received.
down_abnormal(#{events := Es}) ->
    Downs = [R || #{kind := 'receive', term := {'DOWN', _, process, _, R}} <- Es],
    case [R || R <- Downs, R =/= normal] of
        [_ | _] -> true;
        [] when Downs =:= [] -> {false, "no 'DOWN' message has been received yet: did you monitor the process, and flush()?"};
        [] -> {false, "the process ended normally; make it crash instead"}
    end.
