%% Comparing bignums with each other, with small integers and with floats.
-module(arith_bignum_compare).
-export([main/0]).

cmp(A, B) ->
    io:format("~w < ~w: ~w, ==: ~w, =:=: ~w~n", [A, B, A < B, A == B, A =:= B]).

main() ->
    Big = 1 bsl 70,
    cmp(Big, Big + 1),
    cmp(-Big, 5),
    cmp(Big, 1.0e21),
    cmp(Big, 1.0e22),
    cmp(1 bsl 53, 9007199254740992.0),
    cmp((1 bsl 53) + 1, 9007199254740992.0),
    cmp(100000000000000000000, 1.0e20),
    cmp(-100000000000000000000, -1.0e20),
    io:format("sorted: ~w~n", [lists:sort([1.0e30, Big, -Big, 3, 2.5, -1.0e30])]),
    io:format("max: ~w min: ~w~n", [max(Big, 1.0e21), min(-Big, -1.0e21)]).
