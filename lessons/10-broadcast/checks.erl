%% Checks for the shell tasks of lesson 10. Each gets the student's
%% session as a map: events, emitted terms and inputs.
-module(checks).
-export([one_of_three/1]).

%% A broadcaster of beb.erl crashed, and exactly one member delivered
%% its message.
one_of_three(#{events := Es, emitted := Emitted}) ->
    Crashed = [P || #{kind := crash, proc := P} <- Es],
    Casters = lists:usort([P || #{kind := send, proc := P, term := {beb, P, _}} <- Es]),
    Counts = [{B, length(lists:usort([M || {deliver, M, From, _} <- Emitted, From =:= B]))}
              || B <- Casters, lists:member(B, Crashed)],
    case [B || {B, 1} <- Counts] of
        [_ | _] ->
            true;
        [] when Casters =:= [] ->
            {false, "no hello has been sent yet: c(beb)., then beb:start(), and let the broadcaster send at least once before it crashes"};
        [] when Counts =:= [] ->
            {false, "the broadcaster did not crash: load a fault plan with :faults, or crash it by hand with :crash in manual mode"};
        [] ->
            Ns = [N || {_, N} <- Counts],
            {false, lists:flatten(io_lib:format(
                      "the broadcaster crashed, but ~w member(s) delivered; make it crash after its first send, so that exactly one does",
                      [lists:max(Ns)]))}
    end.
