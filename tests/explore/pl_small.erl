%% A small perfect link: the main process sends two messages to a receiver
%% over a link that may lose or duplicate them. The sender resends every
%% message not yet acknowledged every 10 ms; the receiver acknowledges each
%% copy and delivers each sequence number once.
%% Emits {send, Msg} when the application sends and {deliver, Msg} when
%% the receiver delivers.
-module(pl_small).
-export([main/0]).

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

%% Drops acknowledged messages; after 10 ms without an ack, resends.
wait(_R, []) ->
    ok;
wait(R, Pending) ->
    receive
        {ack, Seq} -> wait(R, lists:keydelete(Seq, 1, Pending))
    after 10 ->
        sender(R, Pending)
    end.

%% Seen is kept sorted so the same set always gives the same state.
receiver(Sender, Seen) ->
    receive
        {data, Seq, M} ->
            Sender ! {ack, Seq},
            case lists:member(Seq, Seen) of
                true ->
                    receiver(Sender, Seen);
                false ->
                    pidlab:emit({deliver, M}),
                    receiver(Sender, lists:usort([Seq | Seen]))
            end
    end.
