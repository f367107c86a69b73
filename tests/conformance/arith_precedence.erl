%% Operator precedence and associativity, unary minus and plus.
-module(arith_precedence).
-export([main/0]).

main() ->
    io:format("~w~n", [2 + 3 * 4]),
    io:format("~w~n", [(2 + 3) * 4]),
    io:format("~w~n", [10 - 4 - 3]),
    io:format("~w~n", [100 div 10 div 5]),
    io:format("~w~n", [2 * 3 rem 4]),
    io:format("~w~n", [-2 * -3]),
    io:format("~w~n", [- (3 - 5)]),
    io:format("~w~n", [+ 4]),
    io:format("~w~n", [1 + 2 band 3]),
    io:format("~w~n", [1 bsl 2 + 1]),
    io:format("~w~n", [5 - 2 =:= 3]),
    io:format("~w~n", [[1, 2] ++ [3] -- [1, 3]]),
    io:format("~w~n", [[1, 2, 3] -- [2] -- [2]]),
    io:format("~w~n", [not true orelse true]),
    io:format("~w~n", [true andalso 1 < 2]),
    io:format("~w~n", [-(-(-1))]),
    io:format("~w~n", [7 / 2 * 2]).
