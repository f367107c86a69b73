%% The main process sends {ping, 1} to a receiver every 10 ms forever,
%% with the same state every round. The receiver emits got when a ping
%% arrives and then ends. If every ping is lost, the run goes round the
%% same states forever and got never happens.
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
