%% The sender sends a receiver one wake-up call and waits for the
%% answer. The receiver answers, and emits got, when the call arrives.
-module(notify).
-export([main/0]).

main() ->
    R = spawn(fun() -> receiver() end),
    R ! {wake_up, self()},
    receive
        ack -> ok
    end.

receiver() ->
    receive
        {wake_up, From} ->
            From ! ack,
            pidlab:emit(got)
    end.
