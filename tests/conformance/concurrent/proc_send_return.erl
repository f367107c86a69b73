%% The send operator returns the message; sends chain and go to pids or names.
-module(proc_send_return).
-export([main/0]).

collect(0) -> [];
collect(N) -> receive M -> [M | collect(N - 1)] end.

main() ->
    Self = self(),
    R = Self ! hello,
    io:format("send returned: ~p~n", [R]),
    X = Self ! Self ! chained,
    io:format("chained returned: ~p~n", [X]),
    Y = erlang:send(Self, {via, erlang_send}),
    io:format("erlang:send returned: ~p~n", [Y]),
    io:format("mailbox: ~p~n", [collect(4)]),
    register(me_myself, Self),
    me_myself ! by_name,
    receive by_name -> io:format("received by name~n") end,
    Z = [Self ! N || N <- [1, 2, 3]],
    io:format("~p ~p~n", [Z, collect(3)]),
    unregister(me_myself).
