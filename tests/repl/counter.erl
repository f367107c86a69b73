-module(counter).
-export([start/0, loop/1]).

start() -> spawn(?MODULE, loop, [0]).

loop(N) ->
    receive
        {add, K} -> loop(N + K);
        {get, From} -> From ! {count, N}, loop(N)
    end.
