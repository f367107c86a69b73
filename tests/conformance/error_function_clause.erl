%% Calling a function or fun with no matching head raises function_clause.
-module(error_function_clause).
-export([main/0]).

only_pos(N) when N > 0 -> N.

pair({A, B}) -> A + B.

main() ->
    io:format("~p~n", [catch only_pos(1)]),
    io:format("~p~n", [try only_pos(-1) catch error:R1 -> R1 end]),
    io:format("~p~n", [try pair({1, 2, 3}) catch error:R2 -> R2 end]),
    F = fun(a) -> 1; (b) -> 2 end,
    io:format("~p~n", [try F(c) catch error:R3 -> R3 end]),
    io:format("~p~n", [try lists:map(fun({X}) -> X end, [{1}, 2]) catch error:R4 -> R4 end]),
    io:format("~p~n", [case catch pair(x) of {'EXIT', {R5, _}} -> R5 end]).
