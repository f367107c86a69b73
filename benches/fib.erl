-module(fib).
-export([main/0]).
fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
%% fib(39): sized so that erl (with its JIT) works at least half a second.
main() -> io:format("~p~n", [fib(39)]).
