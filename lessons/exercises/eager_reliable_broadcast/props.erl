%% The promises of reliable broadcast, over what driver.erl emits. A
%% message is a pair {Broadcaster, Msg}; a member is correct when it did
%% not crash.
-module(props).
-export([always_no_duplication/1, always_no_creation/1,
         always_members_keep_running/1, eventually_validity/1,
         eventually_agreement/1]).

%% No member delivers the same message twice.
always_no_duplication(E) ->
    lists:all(fun(L) -> length(L) =:= length(lists:usort(L)) end,
              [L || {delivered, _, L} <- E]).

%% A member delivers only messages that were broadcast: {P, Msg} only if
%% member P was asked to broadcast Msg.
always_no_creation(E) ->
    Asked = [{P, M} || {broadcast, P, M} <- E],
    lists:all(fun(X) -> lists:member(X, Asked) end,
              [X || {delivered, _, L} <- E, X <- L]).

%% A member's process never ends by itself (crashes aside).
always_members_keep_running(E) ->
    [x || {ended, _, _} <- E] =:= [].

%% Once all is quiet: every message of a correct broadcaster was
%% delivered by every correct member.
eventually_validity(E) ->
    lists:member(quiet, E) andalso
        begin
            Crashed = crashed(E),
            Sent = [{P, M} || {broadcast, P, M} <- E, not lists:member(P, Crashed)],
            everyone_has(E, Sent)
        end.

%% Once all is quiet: a message that one correct member delivered was
%% delivered by every correct member, even if its broadcaster crashed.
eventually_agreement(E) ->
    lists:member(quiet, E) andalso
        everyone_has(E, lists:usort([X || {delivered, _, L} <- E, X <- L])).

crashed(E) ->
    [P || {crashed, P} <- E].

%% Every correct member delivered every message of Msgs.
everyone_has(E, Msgs) ->
    Crashed = crashed(E),
    Correct = [Q || {members, All} <- E, Q <- All, not lists:member(Q, Crashed)],
    lists:all(fun(Q) ->
                      Got = lists:append([L || {delivered, Q1, L} <- E, Q1 =:= Q]),
                      lists:all(fun(X) -> lists:member(X, Got) end, Msgs)
              end, Correct).
