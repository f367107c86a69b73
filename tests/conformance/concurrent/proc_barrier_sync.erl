%% Workers wait at a barrier until all have arrived, then report in a fixed order.
-module(proc_barrier_sync).
-export([main/0]).

barrier(0, Waiting) -> [P ! release || P <- Waiting];
barrier(N, Waiting) -> receive {arrive, P} -> barrier(N - 1, [P | Waiting]) end.

worker(Id, Barrier, Parent) ->
    Barrier ! {arrive, self()},
    receive release -> Parent ! {released, self(), Id * 100} end.

main() ->
    Parent = self(),
    N = 8,
    Barrier = spawn(fun() -> barrier(N, []) end),
    Workers = [spawn(fun() -> worker(I, Barrier, Parent) end) || I <- lists:seq(1, N)],
    Values = [receive {released, W, V} -> V end || W <- Workers],
    io:format("~p~n", [Values]),
    io:format("all released: ~p~n", [length(Values) =:= N]).
