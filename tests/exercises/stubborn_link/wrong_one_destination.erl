%% fails: three processes, two destinations, random executions
-module(stubborn_link).
-export([new/0, send/3, handle/2, timeout/1]).

%% Keeps every message, but only one destination: the latest. With two
%% destinations, the resends of the first message go to the second.
new() -> {nobody, []}.

send({_, Ms}, To, M) ->
    To ! {sl, self(), M},
    {To, Ms ++ [M]}.

handle(Link, {sl, From, M}) -> {[{From, M}], Link};
handle(Link, _Other) -> {[], Link}.

timeout({To, Ms} = Link) ->
    [To ! {sl, self(), M} || M <- Ms],
    Link.
