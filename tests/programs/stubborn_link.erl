%% Stubborn links over fair-loss links: the sender retransmits every message
%% forever (here: every 10 ms until the run ends), so each one is delivered
%% again and again however many copies the network loses.
-module(stubborn_link).
-export([main/0]).

main() ->
    R = spawn(fun() -> receiver() end),
    spawn(fun() -> sender(R, [a, b, c]) end),
    receive after 500 -> ok end.

sender(R, Ms) ->
    [begin pidlab:emit({sl_send, M}), R ! {sl, M} end || M <- Ms],
    timer:sleep(10),
    sender(R, Ms).

receiver() ->
    receive
        {sl, M} ->
            pidlab:emit({sl_deliver, M}),
            receiver()
    end.
