%% erlang:send_after/3 delivers a message later; timers fire in delay order.
-module(timer_send_after_basic).
-export([main/0]).

main() ->
    TRef = erlang:send_after(300, self(), ding),
    R0 = receive ding -> too_early after 0 -> not_yet end,
    io:format("timer ref is a reference: ~p~n", [is_reference(TRef)]),
    io:format("~p~n", [R0]),
    receive ding -> io:format("ding arrived~n") end,
    erlang:send_after(120, self(), {tick, 3}),
    erlang:send_after(10, self(), {tick, 1}),
    erlang:send_after(60, self(), {tick, 2}),
    Ticks = [receive {tick, N} -> N end || _ <- [1, 2, 3]],
    io:format("~p~n", [Ticks]),
    Self = self(),
    Worker = spawn(fun() -> receive {hello, From} -> From ! from_worker end end),
    erlang:send_after(5, Worker, {hello, Self}),
    receive from_worker -> io:format("worker got the delayed message~n") end.
