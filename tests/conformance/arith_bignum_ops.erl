%% Bignum addition, subtraction crossing zero, multiplication and Fibonacci.
-module(arith_bignum_ops).
-export([main/0]).

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

main() ->
    [io:format("fib(~w) = ~w~n", [N, fib(N)]) || N <- [10, 50, 90, 92, 93, 100, 200]],
    A = 98765432109876543210987654321,
    B = 12345678901234567890123456789,
    io:format("A+B = ~w~n", [A + B]),
    io:format("B-A = ~w~n", [B - A]),
    io:format("A*B = ~w~n", [A * B]),
    io:format("A*-B = ~w~n", [A * -B]),
    io:format("A-A+1 = ~w~n", [A - A + 1]),
    io:format("(A*B) div B = ~w~n", [(A * B) div B]),
    io:format("-A div B = ~w, -A rem B = ~w~n", [-A div B, -A rem B]),
    io:format("is_integer: ~w~n", [is_integer(A * A * A)]).
