-module(link_props).
-export([always_no_duplication/1, always_no_creation/1,
         eventually_all_delivered/1]).

%% Properties of a link, over the terms a program emitted, in order:
%% {send, M} when M is handed to the link, {deliver, M} when the
%% receiver delivers it. Anything else is ignored.

%% No duplication: no message is delivered more than once.
always_no_duplication(Emitted) ->
    Ds = [M || {deliver, M} <- Emitted],
    length(Ds) =:= length(lists:usort(Ds)).

%% No creation: every delivered message was sent before.
always_no_creation(Emitted) ->
    no_creation(Emitted, []).

no_creation([], _Sent) ->
    true;
no_creation([{send, M} | Rest], Sent) ->
    no_creation(Rest, [M | Sent]);
no_creation([{deliver, M} | Rest], Sent) ->
    lists:member(M, Sent) andalso no_creation(Rest, Sent);
no_creation([_ | Rest], Sent) ->
    no_creation(Rest, Sent).

%% Reliable delivery, as a run can show it: in the end, every message
%% sent has been delivered.
eventually_all_delivered(Emitted) ->
    Sent = [M || {send, M} <- Emitted],
    Sent =/= [] andalso
        lists:all(fun(M) -> lists:member({deliver, M}, Emitted) end, Sent).
