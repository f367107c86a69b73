-module(oneshot).
-export([main/0]).

%% Sends a, b and c once each, straight over the network. The receiver
%% delivers every copy that arrives. pidlab:emit/1 records each send and
%% each delivery, for the diagram and for the explorer.
main() ->
    R = spawn(fun receiver/0),
    [begin pidlab:emit({send, M}), R ! {data, M} end || M <- [a, b, c]],
    ok.

receiver() ->
    receive
        {data, M} ->
            pidlab:emit({deliver, M}),
            receiver()
    end.
