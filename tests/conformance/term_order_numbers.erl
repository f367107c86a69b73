%% Ordering and equality between integers and floats.
-module(term_order_numbers).
-export([main/0]).

main() ->
    io:format("~w~n", [lists:sort([3, 1.5, -2, 0, 2.0, -0.5, 100, 1 bsl 64, 1.0e19])]),
    io:format("~w~n", [lists:usort([3, 1, 2, 3, 1, 2])]),
    io:format("~w ~w ~w~n", [1 < 1.0, 1 > 1.0, 1 =< 1.0]),
    io:format("~w ~w~n", [1.0 >= 1, 2 >= 1.9999999]),
    io:format("~w ~w~n", [0.1 + 0.2 > 0.3, 0.5 + 0.25 =:= 0.75]),
    io:format("~w~n", [lists:max([1, 2.0, 3, 2.5])]),
    io:format("~w~n", [lists:min([1.5, 2, -3, -2.5])]),
    io:format("~w~n", [[X || X <- [1, 2.0, 3, 4.0], X == 2]]),
    io:format("~w~n", [[X || X <- [1, 2.0, 3, 4.0], X =:= 2]]),
    io:format("~w~n", [lists:member(2, [1, 2.0, 3])]),
    io:format("~w~n", [lists:keyfind(1, 1, [{1.0, float}, {1, int}])]).
