%% Factorials that grow from small integers into bignums.
-module(arith_bignum_factorial).
-export([main/0]).

fact(0) -> 1;
fact(N) when N > 0 -> N * fact(N - 1).

fact_acc(N) -> fact_acc(N, 1).
fact_acc(0, Acc) -> Acc;
fact_acc(N, Acc) -> fact_acc(N - 1, N * Acc).

main() ->
    lists:foreach(fun(N) -> io:format("~w! = ~w~n", [N, fact(N)]) end,
                  [0, 1, 5, 20, 21, 25, 30]),
    F100 = fact_acc(100),
    io:format("100! = ~p~n", [F100]),
    io:format("digits of 100!: ~w~n", [length(integer_to_list(F100))]),
    io:format("same: ~w~n", [F100 =:= fact(100)]),
    io:format("100! div 98! = ~w~n", [F100 div fact(98)]),
    io:format("100! rem 101 = ~w~n", [F100 rem 101]),
    io:format("negated: ~w~n", [-fact(25)]).
