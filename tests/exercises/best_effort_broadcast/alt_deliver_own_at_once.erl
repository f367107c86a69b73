%% A correct variant (full marks): the broadcaster delivers its own
%% message at once and sends it to the others only.
-module(best_effort_broadcast).
-export([start/1]).

start(Deliver) ->
    spawn(fun() -> init(Deliver) end).

init(Deliver) ->
    receive
        {members, All} -> serve(All -- [self()], Deliver)
    end.

%% Others: every member but this one.
serve(Others, Deliver) ->
    receive
        {broadcast, Msg} ->
            Deliver(self(), Msg),
            lists:foreach(fun(P) -> P ! {msg, self(), Msg} end, Others),
            serve(Others, Deliver);
        {msg, From, Msg} ->
            Deliver(From, Msg),
            serve(Others, Deliver)
    end.
