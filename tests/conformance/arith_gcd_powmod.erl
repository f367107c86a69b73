%% Euclid's gcd, lcm and modular exponentiation with large numbers.
-module(arith_gcd_powmod).
-export([main/0]).

gcd(A, 0) -> abs(A);
gcd(A, B) -> gcd(B, A rem B).

lcm(A, B) -> abs(A * B) div gcd(A, B).

powmod(_, 0, _) -> 1;
powmod(B, E, M) when E rem 2 =:= 1 -> (B * powmod(B, E - 1, M)) rem M;
powmod(B, E, M) -> H = powmod(B, E div 2, M), (H * H) rem M.

main() ->
    io:format("gcd(48, 18) = ~w~n", [gcd(48, 18)]),
    io:format("gcd(-48, 18) = ~w~n", [gcd(-48, 18)]),
    io:format("gcd(17, 5) = ~w~n", [gcd(17, 5)]),
    io:format("lcm(4, 6) = ~w~n", [lcm(4, 6)]),
    io:format("lcm 1..20 = ~w~n", [lists:foldl(fun lcm/2, 1, lists:seq(1, 20))]),
    io:format("lcm 1..60 = ~w~n", [lists:foldl(fun lcm/2, 1, lists:seq(1, 60))]),
    io:format("2^100 mod 1000007 = ~w~n", [powmod(2, 100, 1000007)]),
    P = 1000000007,
    io:format("fermat: ~w~n", [powmod(123456789, P - 1, P)]),
    io:format("3^1000 mod 10^20 = ~w~n", [powmod(3, 1000, 100000000000000000000)]).
