%% div and rem truncate toward zero, for small integers and bignums of any sign.
-module(arith_div_rem_negative).
-export([main/0]).

show(A, B) ->
    io:format("~w div ~w = ~w, ~w rem ~w = ~w~n", [A, B, A div B, A, B, A rem B]).

main() ->
    [show(A, B) || A <- [7, -7], B <- [2, -2]],
    show(0, 5),
    show(-1, 3),
    show(5, 7),
    Big = 123456789012345678901234567890,
    show(Big, 1000000007),
    show(-Big, 1000000007),
    show(Big, -99999999999999999999),
    show(-Big, -Big),
    show(17, Big),
    io:format("check: ~w~n", [(-Big div 7) * 7 + (-Big rem 7) =:= -Big]).
