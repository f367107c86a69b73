%% A server that squares numbers. ask/2 gives the answer 20 ms to come
%% back, which is plenty if messages take no time at all.
-module(quiz).
-export([start/0, ask/2]).

start() ->
    spawn(fun() -> loop() end).

loop() ->
    receive
        {square, From, N} ->
            From ! {result, N * N},
            loop()
    end.

ask(Server, N) ->
    Server ! {square, self(), N},
    receive
        {result, R} -> R
    after 20 ->
        timeout
    end.
