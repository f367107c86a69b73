%% A server that keeps a running total. add/2 sends a number to add;
%% total/1 asks for the total and waits for the answer.
-module(tally).
-export([start/0, add/2, total/1]).

start() ->
    spawn(fun() -> loop(0) end).

loop(Sum) ->
    receive
        {add, N} -> loop(Sum + N);
        {total, From} -> From ! {total, Sum}, loop(Sum)
    end.

add(Server, N) ->
    Server ! {add, N},
    ok.

total(Server) ->
    Server ! {total, self()},
    receive
        {total, T} -> T
    end.
