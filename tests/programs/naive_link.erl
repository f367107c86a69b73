%% The same exchange straight over fair-loss links: send once, deliver
%% whatever arrives. Under loss and duplication it breaks the perfect
%% link properties, which the tests show.
-module(naive_link).
-export([main/0]).

main() ->
    R = spawn(fun() -> receiver() end),
    spawn(fun() -> [send(R, Seq, M) || {Seq, M} <- [{1, a}, {2, b}, {3, c}, {4, d}, {5, e}]] end),
    receive after 1000 -> ok end.

send(R, Seq, M) ->
    pidlab:emit({pl_send, Seq, M}),
    R ! {msg, Seq, M}.

receiver() ->
    receive
        {msg, Seq, M} ->
            pidlab:emit({pl_deliver, Seq, M}),
            receiver()
    end.
