-module(counter).
-export([start/0]).

%% A counter server. {add, From, N} adds N to the total and answers From
%% with {total, T}, the new total.
start() ->
    spawn(fun() -> loop(0) end).

loop(Total) ->
    receive
        {add, From, N} ->
            From ! {total, Total + N},
            loop(Total + N)
    end.
