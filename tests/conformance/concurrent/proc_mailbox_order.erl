%% Messages from one sender to one receiver arrive in the order they were sent.
-module(proc_mailbox_order).
-export([main/0]).

collect(0, Acc) -> lists:reverse(Acc);
collect(N, Acc) -> receive {msg, X} -> collect(N - 1, [X | Acc]) end.

main() ->
    Parent = self(),
    Child = spawn(fun() ->
                          Msgs = collect(10, []),
                          Parent ! {done, self(), Msgs}
                  end),
    [Child ! {msg, I} || I <- lists:seq(1, 10)],
    receive {done, Child, Msgs} -> io:format("child saw: ~p~n", [Msgs]) end,
    Sender = spawn(fun() -> [Parent ! {msg, I * I} || I <- lists:seq(1, 6)] end),
    io:format("sender is a pid: ~p~n", [is_pid(Sender)]),
    io:format("parent saw: ~p~n", [collect(6, [])]).
