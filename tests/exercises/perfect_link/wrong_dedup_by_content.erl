%% fails: the same content sent twice, every execution
-module(perfect_link).
-export([new/0, send/3, handle/2, timeout/1]).

%% Resends until acknowledged, but the receiver remembers what it has
%% delivered by sender and content: a second message with the same
%% content looks like a copy of the first and is never delivered.
new() -> {[], []}.

send({Pending, Delivered}, To, M) ->
    To ! {pl, data, self(), M},
    {Pending ++ [{To, M}], Delivered}.

handle({Pending, Delivered} = Link, {pl, data, From, M}) ->
    From ! {pl, ack, self(), M},
    case lists:member({From, M}, Delivered) of
        true -> {[], Link};
        false -> {[{From, M}], {Pending, lists:usort([{From, M} | Delivered])}}
    end;
handle({Pending, Delivered}, {pl, ack, By, M}) ->
    {[], {lists:delete({By, M}, Pending), Delivered}};
handle(Link, _Other) ->
    {[], Link}.

timeout({Pending, _} = Link) ->
    [To ! {pl, data, self(), M} || {To, M} <- Pending],
    Link.
