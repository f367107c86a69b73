-module(plink).
-export([main/0]).

%% A perfect link built on a fair-loss network. The sender numbers its
%% messages and sends every message not yet acknowledged again every
%% 10 ms; the receiver acknowledges every copy it gets, but delivers
%% each sequence number only once.
%% Emits {send, M} when a message is handed to the link and
%% {deliver, M} when the receiver delivers it.
main() ->
    Self = self(),
    R = spawn(fun() -> receiver(Self, []) end),
    Msgs = [{1, a}, {2, b}],
    [pidlab:emit({send, M}) || {_, M} <- Msgs],
    sender(R, Msgs).

%% Sends every pending message, then waits for acknowledgements.
sender(_R, []) ->
    ok;
sender(R, Pending) ->
    [R ! {data, Seq, M} || {Seq, M} <- Pending],
    wait(R, Pending).

%% An ack removes its message from Pending; after 10 ms without one,
%% everything still pending is sent again.
wait(_R, []) ->
    ok;
wait(R, Pending) ->
    receive
        {ack, Seq} -> wait(R, lists:keydelete(Seq, 1, Pending))
    after 10 ->
        sender(R, Pending)
    end.

%% Acknowledges every copy; delivers a sequence number only the first
%% time. Delivered is kept sorted, so the same set is always the same
%% state for the explorer.
receiver(Sender, Delivered) ->
    receive
        {data, Seq, M} ->
            Sender ! {ack, Seq},
            case lists:member(Seq, Delivered) of
                true ->
                    receiver(Sender, Delivered);
                false ->
                    pidlab:emit({deliver, M}),
                    receiver(Sender, lists:usort([Seq | Delivered]))
            end
    end.
