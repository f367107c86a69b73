%% fails: one loss and one duplicate, every execution; three processes, two destinations, random executions
-module(stubborn_link).
-export([new/0, send/3, handle/2, timeout/1]).

%% Sends every message twice, once at once and once at the next timeout,
%% and then forgets it: one loss too many and a message arrives only once.
new() -> [].

send(Waiting, To, M) ->
    To ! {sl, self(), M},
    Waiting ++ [{To, M}].

handle(Waiting, {sl, From, M}) -> {[{From, M}], Waiting};
handle(Waiting, _Other) -> {[], Waiting}.

timeout(Waiting) ->
    [To ! {sl, self(), M} || {To, M} <- Waiting],
    [].
