%% fails: one loss and one duplicate, every execution; the same content sent twice, every execution; three processes, messages both ways, random executions
-module(perfect_link).
-export([new/0, send/3, handle/2, timeout/1]).

%% Numbers, acknowledges and resends as it should, but delivers every
%% copy that arrives: a resend or a duplicate is delivered again.
new() -> {1, []}.

send({Next, Pending}, To, M) ->
    To ! {pl, data, self(), Next, M},
    {Next + 1, Pending ++ [{Next, To, M}]}.

handle(Link, {pl, data, From, Seq, M}) ->
    From ! {pl, ack, Seq},
    {[{From, M}], Link};
handle({Next, Pending}, {pl, ack, Seq}) ->
    {[], {Next, lists:keydelete(Seq, 1, Pending)}};
handle(Link, _Other) ->
    {[], Link}.

timeout({_, Pending} = Link) ->
    [To ! {pl, data, self(), Seq, M} || {Seq, To, M} <- Pending],
    Link.
