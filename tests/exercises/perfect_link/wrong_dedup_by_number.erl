%% fails: three processes, messages both ways, random executions
-module(perfect_link).
-export([new/0, send/3, handle/2, timeout/1]).

%% Numbers its messages, resends until acknowledged, and delivers each
%% number once; but it remembers the numbers without their senders, so
%% message 1 of a second sender looks like a copy of message 1 of the
%% first.
new() -> {1, [], []}.

send({Next, Pending, Delivered}, To, M) ->
    To ! {pl, data, self(), Next, M},
    {Next + 1, Pending ++ [{Next, To, M}], Delivered}.

handle({Next, Pending, Delivered} = Link, {pl, data, From, Seq, M}) ->
    From ! {pl, ack, Seq},
    case lists:member(Seq, Delivered) of
        true -> {[], Link};
        false -> {[{From, M}], {Next, Pending, lists:usort([Seq | Delivered])}}
    end;
handle({Next, Pending, Delivered}, {pl, ack, Seq}) ->
    {[], {Next, lists:keydelete(Seq, 1, Pending), Delivered}};
handle(Link, _Other) ->
    {[], Link}.

timeout({_, Pending, _} = Link) ->
    [To ! {pl, data, self(), Seq, M} || {Seq, To, M} <- Pending],
    Link.
