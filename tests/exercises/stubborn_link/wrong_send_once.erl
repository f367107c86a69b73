%% fails: no faults: every message delivered again and again; one loss and one duplicate, every execution; three processes, two destinations, random executions
-module(stubborn_link).
-export([new/0, send/3, handle/2, timeout/1]).

%% Sends every message once and never again: a fair-loss link, not a
%% stubborn one.
new() -> none.

send(Link, To, M) ->
    To ! {sl, self(), M},
    Link.

handle(Link, {sl, From, M}) -> {[{From, M}], Link};
handle(Link, _Other) -> {[], Link}.

timeout(Link) -> Link.
