%% Processes sleeping for different times report back in order of their delays.
-module(timer_sleep_order).
-export([main/0]).

main() ->
    Self = self(),
    Delays = [{c, 150}, {a, 10}, {b, 80}],
    [spawn(fun() -> timer:sleep(D), Self ! {woke, Name} end) || {Name, D} <- Delays],
    Order = [receive {woke, N} -> N end || _ <- Delays],
    io:format("wake order: ~p~n", [Order]),
    io:format("sleep returns: ~p~n", [timer:sleep(1)]),
    io:format("sleep 0: ~p~n", [timer:sleep(0)]).
