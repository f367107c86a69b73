%% receive with a timeout returns the after branch when nothing arrives in time.
-module(receive_after_timeout).
-export([main/0]).

wait(T) -> receive {msg, X} -> {got, X} after T -> timeout end.

main() ->
    io:format("~p~n", [wait(30)]),
    Self = self(),
    spawn(fun() -> Self ! {msg, early} end),
    io:format("~p~n", [wait(1000)]),
    spawn(fun() -> timer:sleep(300), Self ! {msg, late} end),
    io:format("~p~n", [wait(20)]),
    io:format("~p~n", [wait(2000)]),
    io:format("~p~n", [receive after 10 -> slept end]),
    Self ! unrelated,
    io:format("~p~n", [wait(10)]),
    io:format("~p~n", [receive unrelated -> still_there after 0 -> gone end]),
    io:format("~p~n", [receive never_sent -> impossible after infinity_test() -> done end]).

infinity_test() -> 5.
