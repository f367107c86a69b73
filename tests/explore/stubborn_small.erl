%% A small stubborn link: the main process sends two messages and then
%% resends both every 10 ms forever, with no acknowledgements. The
%% receiver delivers every copy, so each message is delivered again and
%% again. The sender's state is the same every round.
%% Emits {send, Msg} once per message and {deliver, Msg} for every copy.
-module(stubborn_small).
-export([main/0]).

main() ->
    R = spawn(fun() -> receiver() end),
    Msgs = [{1, a}, {2, b}],
    [pidlab:emit({send, M}) || {_, M} <- Msgs],
    sender(R, Msgs).

sender(R, Msgs) ->
    [R ! {data, Seq, M} || {Seq, M} <- Msgs],
    receive
    after 10 ->
        sender(R, Msgs)
    end.

receiver() ->
    receive
        {data, _Seq, M} ->
            pidlab:emit({deliver, M}),
            receiver()
    end.
