%% Selective receive takes matching messages first and leaves the rest queued.
-module(proc_selective_receive).
-export([main/0]).

drain(Acc) ->
    receive M -> drain([M | Acc]) after 0 -> lists:reverse(Acc) end.

main() ->
    Self = self(),
    [Self ! M || M <- [{low, 1}, {high, 2}, {low, 3}, other, {high, 4}, {low, 5}]],
    receive {high, A} -> io:format("first high: ~p~n", [A]) end,
    receive {high, B} -> io:format("second high: ~p~n", [B]) end,
    receive other -> io:format("got other~n") end,
    receive {low, X} when X > 1 -> io:format("low above 1: ~p~n", [X]) end,
    io:format("left in mailbox: ~p~n", [drain([])]),
    Self ! {reply, 2}, Self ! {reply, 1},
    receive {reply, 1} -> io:format("reply 1 taken first~n") end,
    receive {reply, R} -> io:format("then reply ~p~n", [R]) end.
