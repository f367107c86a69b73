%% A sender pings a receiver, and pings again every 10 ms, forever; it
%% never looks for an answer, so its state is the same every round. The
%% receiver emits got when the first ping arrives, and ends.
-module(lasso).
-export([main/0]).

main() ->
    R = spawn(fun() -> receiver() end),
    sender(R).

sender(R) ->
    R ! {ping, 1},
    receive
    after 10 ->
        sender(R)
    end.

receiver() ->
    receive
        {ping, _} -> pidlab:emit(got)
    end.
