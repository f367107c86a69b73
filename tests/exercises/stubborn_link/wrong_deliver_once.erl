%% fails: no faults: every message delivered again and again; one loss and one duplicate, every execution; three processes, two destinations, random executions
-module(stubborn_link).
-export([new/0, send/3, handle/2, timeout/1]).

%% Resends as it should, but the receiver drops copies it has delivered
%% before: the first half of a perfect link, not a stubborn link.
new() -> {[], []}.

send({Sent, Seen}, To, M) ->
    To ! {sl, self(), M},
    {Sent ++ [{To, M}], Seen}.

handle({Sent, Seen} = Link, {sl, From, M}) ->
    case lists:member({From, M}, Seen) of
        true -> {[], Link};
        false -> {[{From, M}], {Sent, [{From, M} | Seen]}}
    end;
handle(Link, _Other) -> {[], Link}.

timeout({Sent, _} = Link) ->
    [To ! {sl, self(), M} || {To, M} <- Sent],
    Link.
