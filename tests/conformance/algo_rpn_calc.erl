%% A reverse Polish notation calculator over tokens, with error reporting.
-module(algo_rpn_calc).
-export([main/0]).

eval(Tokens) ->
    try lists:foldl(fun step/2, [], Tokens) of
        [Result] -> {ok, Result};
        Stack -> {error, {leftover, Stack}}
    catch
        error:function_clause -> {error, stack_underflow};
        error:badarith -> {error, bad_arithmetic};
        throw:{unknown, T} -> {error, {unknown_token, T}}
    end.

step(N, Stack) when is_number(N) -> [N | Stack];
step('+', [B, A | S]) -> [A + B | S];
step('-', [B, A | S]) -> [A - B | S];
step('*', [B, A | S]) -> [A * B | S];
step('/', [B, A | S]) -> [A / B | S];
step(dup, [A | S]) -> [A, A | S];
step(swap, [B, A | S]) -> [A, B | S];
step(T, _) when is_atom(T), T =/= '+', T =/= '-', T =/= '*', T =/= '/', T =/= dup, T =/= swap ->
    throw({unknown, T}).

main() ->
    Programs = [[3, 4, '+', 2, '*'],
                [5, 1, 2, '+', 4, '*', '+', 3, '-'],
                [2, dup, '*', dup, '*'],
                [1, 2, swap, '-'],
                [10, 4, '/'],
                [1, '+'],
                [1, 0, '/'],
                [1, 2, 3],
                [1, 2, pow],
                [1 bsl 64, dup, '*']],
    [io:format("~w => ~p~n", [P, eval(P)]) || P <- Programs].
