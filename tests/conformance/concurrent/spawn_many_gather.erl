%% Spawn many workers and gather their replies in spawn order via selective receive.
-module(spawn_many_gather).
-export([main/0]).

work(N) -> lists:sum(lists:seq(1, N)).

main() ->
    Parent = self(),
    Pids = [spawn(fun() -> Parent ! {self(), N, work(N)} end) || N <- lists:seq(1, 20)],
    Results = [receive {P, N, R} -> {N, R} end || P <- Pids],
    io:format("~p~n", [Results]),
    Many = [spawn(fun() -> Parent ! {done, self(), I * 2} end) || I <- lists:seq(1, 500)],
    Sum = lists:sum([receive {done, P, V} -> V end || P <- Many]),
    io:format("sum of 500 replies: ~p~n", [Sum]).
