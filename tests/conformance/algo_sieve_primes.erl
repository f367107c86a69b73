%% Prime numbers by a list-based sieve, and prime factorisation of big numbers.
-module(algo_sieve_primes).
-export([main/0]).

sieve([]) -> [];
sieve([P | Xs]) -> [P | sieve([X || X <- Xs, X rem P =/= 0])].

factors(N) -> factors(N, 2, []).
factors(1, _, Acc) -> lists:reverse(Acc);
factors(N, D, Acc) when D * D > N -> lists:reverse([N | Acc]);
factors(N, D, Acc) when N rem D =:= 0 -> factors(N div D, D, [D | Acc]);
factors(N, D, Acc) -> factors(N, D + 1, Acc).

main() ->
    Primes = sieve(lists:seq(2, 200)),
    io:format("~p~n", [Primes]),
    io:format("count: ~p, sum: ~p~n", [length(Primes), lists:sum(Primes)]),
    [io:format("~p = ~w~n", [N, factors(N)]) || N <- [360, 97, 1001, 600851475143, 1 bsl 40 + 1]].
