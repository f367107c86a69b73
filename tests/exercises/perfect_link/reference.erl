-module(perfect_link).
-export([new/0, send/3, handle/2, timeout/1]).

%% A link is {Next, Pending, Delivered}: the next sequence number, the
%% messages sent and not yet acknowledged as {Seq, To, M}, and the
%% {From, Seq} delivered so far, kept sorted.
new() -> {1, [], []}.

send({Next, Pending, Delivered}, To, M) ->
    To ! {pl, data, self(), Next, M},
    {Next + 1, Pending ++ [{Next, To, M}], Delivered}.

%% Acknowledges every copy, delivers only the first.
handle({Next, Pending, Delivered} = Link, {pl, data, From, Seq, M}) ->
    From ! {pl, ack, Seq},
    case lists:member({From, Seq}, Delivered) of
        true -> {[], Link};
        false -> {[{From, M}], {Next, Pending, lists:usort([{From, Seq} | Delivered])}}
    end;
handle({Next, Pending, Delivered}, {pl, ack, Seq}) ->
    {[], {Next, lists:keydelete(Seq, 1, Pending), Delivered}};
handle(Link, _Other) ->
    {[], Link}.

timeout({_, Pending, _} = Link) ->
    [To ! {pl, data, self(), Seq, M} || {Seq, To, M} <- Pending],
    Link.
