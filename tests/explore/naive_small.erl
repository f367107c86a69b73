%% Like pl_small.erl, but the receiver does not remove duplicates: it
%% delivers every copy that arrives. A resent or duplicated message is
%% delivered twice, which breaks no-duplication.
%% Emits {send, Msg} and {deliver, Msg}.
-module(naive_small).
-export([main/0]).

main() ->
    Self = self(),
    R = spawn(fun() -> receiver(Self) end),
    Msgs = [{1, a}, {2, b}],
    [pidlab:emit({send, M}) || {_, M} <- Msgs],
    sender(R, Msgs).

%% Sends every pending message, then waits for acknowledgements.
sender(_R, []) ->
    ok;
sender(R, Pending) ->
    [R ! {data, Seq, M} || {Seq, M} <- Pending],
    wait(R, Pending).

%% Drops acknowledged messages; after 10 ms without an ack, resends.
wait(_R, []) ->
    ok;
wait(R, Pending) ->
    receive
        {ack, Seq} -> wait(R, lists:keydelete(Seq, 1, Pending))
    after 10 ->
        sender(R, Pending)
    end.

%% Acknowledges and delivers every copy.
receiver(Sender) ->
    receive
        {data, Seq, M} ->
            Sender ! {ack, Seq},
            pidlab:emit({deliver, M}),
            receiver(Sender)
    end.
