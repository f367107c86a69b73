-module(stubborn_link).
-export([new/0, send/3, handle/2, timeout/1]).

%% A link is the list of messages sent so far, as {To, M}.
new() -> [].

send(Sent, To, M) ->
    To ! {sl, self(), M},
    Sent ++ [{To, M}].

%% Every copy that arrives is delivered.
handle(Sent, {sl, From, M}) -> {[{From, M}], Sent};
handle(Sent, _Other) -> {[], Sent}.

timeout(Sent) ->
    [To ! {sl, self(), M} || {To, M} <- Sent],
    Sent.
