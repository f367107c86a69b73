%% N processes that never interact, N given as the argument. Each does a
%% little work and ends; main returns after spawning them.
-module(independent_n).
-export([main/1]).

main([N]) ->
    [spawn(fun() -> lists:sum(lists:seq(1, K)) end) || K <- lists:seq(1, list_to_integer(N))],
    ok.
