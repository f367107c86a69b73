%% Perfect point-to-point links built on fair-loss links (the lecture's
%% "retransmit forever" and "eliminate duplicates"): the sender resends each
%% message until it is acknowledged; the receiver delivers each one once.
%% Sends and deliveries are recorded with pidlab:emit/1 for the checks.
-module(perfect_link).
-export([main/0]).

main() ->
    R = spawn(fun() -> receiver(#{}) end),
    spawn(fun() -> sender(R, [{1, a}, {2, b}, {3, c}, {4, d}, {5, e}]) end),
    receive after 1000000 -> ok end.

sender(_, []) ->
    done;
sender(R, [{Seq, M} | Rest]) ->
    pidlab:emit({pl_send, Seq, M}),
    transmit(R, Seq, M),
    sender(R, Rest).

transmit(R, Seq, M) ->
    R ! {msg, Seq, M, self()},
    receive
        {ack, Seq} -> ok
    after 10 ->
        transmit(R, Seq, M)
    end.

receiver(Seen) ->
    receive
        {msg, Seq, M, From} ->
            From ! {ack, Seq},
            case Seen of
                #{Seq := _} ->
                    receiver(Seen);
                _ ->
                    pidlab:emit({pl_deliver, Seq, M}),
                    receiver(Seen#{Seq => true})
            end
    end.
