%% Two processes bounce a counter back and forth a fixed number of times.
-module(proc_ping_pong).
-export([main/0]).

pong() ->
    receive
        {ping, From, N} ->
            From ! {pong, N},
            pong();
        stop ->
            io:format("pong stopping~n")
    end.

ping(_, 0) -> done;
ping(Pong, N) ->
    Pong ! {ping, self(), N},
    receive
        {pong, N} -> io:format("ping got pong ~p~n", [N])
    end,
    ping(Pong, N - 1).

main() ->
    Pong = spawn(fun pong/0),
    done = ping(Pong, 5),
    Ref = monitor(process, Pong),
    Pong ! stop,
    receive {'DOWN', Ref, process, Pong, Reason} -> io:format("pong exited: ~p~n", [Reason]) end.
