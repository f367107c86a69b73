%% Integer powers around the 64-bit boundary and beyond, positive and negative.
-module(arith_bignum_power).
-export([main/0]).

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

main() ->
    [io:format("2^~w = ~w~n", [E, pow(2, E)]) || E <- [31, 32, 59, 60, 63, 64, 65, 100, 128]],
    io:format("3^50 = ~w~n", [pow(3, 50)]),
    io:format("(-7)^21 = ~w~n", [pow(-7, 21)]),
    io:format("(-7)^22 = ~w~n", [pow(-7, 22)]),
    Max = pow(2, 63) - 1,
    io:format("max int64 + 1 = ~w~n", [Max + 1]),
    io:format("min int64 - 1 = ~w~n", [-Max - 2]),
    io:format("2^64 - 2^64 = ~w~n", [pow(2, 64) - pow(2, 64)]),
    io:format("10^30 + 1 = ~w~n", [pow(10, 30) + 1]),
    io:format("2^200 div 2^150 = ~w~n", [pow(2, 200) div pow(2, 150)]),
    io:format("1 bsl 70 = ~w~n", [1 bsl 70]),
    io:format("abs(-2^80) = ~w~n", [abs(-pow(2, 80))]).
