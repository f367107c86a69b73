%% fails: one loss and one duplicate, every execution; the same content sent twice, every execution; three processes, messages both ways, random executions
-module(perfect_link).
-export([new/0, send/3, handle/2, timeout/1]).

%% Numbers its messages and delivers each number once, but sends each
%% message only once: a lost message is never delivered.
new() -> {1, []}.

send({Next, Delivered}, To, M) ->
    To ! {pl, data, self(), Next, M},
    {Next + 1, Delivered}.

handle({Next, Delivered} = Link, {pl, data, From, Seq, M}) ->
    case lists:member({From, Seq}, Delivered) of
        true -> {[], Link};
        false -> {[{From, M}], {Next, lists:usort([{From, Seq} | Delivered])}}
    end;
handle(Link, _Other) ->
    {[], Link}.

timeout(Link) -> Link.
