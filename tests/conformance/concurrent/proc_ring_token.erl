%% A ring of N processes passes a token around M times, counting hops.
-module(proc_ring_token).
-export([main/0]).

node_loop(Next, Id) ->
    receive
        {token, Hops, Parent} ->
            Next ! {token, Hops + 1, Parent},
            node_loop(Next, Id);
        {set_next, N} ->
            node_loop(N, Id);
        stop ->
            Next ! stop
    end.

start_ring(N) ->
    Self = self(),
    Last = spawn(fun() -> receive {set_next, Nx} -> node_loop(Nx, N) end end),
    First = lists:foldl(fun(Id, Next) -> spawn(fun() -> node_loop(Next, Id) end) end,
                        Last, lists:seq(N - 1, 1, -1)),
    Last ! {set_next, Self},
    First.

main() ->
    N = 10,
    First = start_ring(N),
    lists:foreach(
      fun(Round) ->
              First ! {token, 0, self()},
              receive {token, Hops, _} -> io:format("round ~p: ~p hops~n", [Round, Hops]) end
      end, lists:seq(1, 3)),
    First ! stop,
    receive stop -> io:format("stop came back around the ring~n") end.
