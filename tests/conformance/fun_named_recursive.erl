%% Named funs can call themselves recursively.
-module(fun_named_recursive).
-export([main/0]).

main() ->
    Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end,
    io:format("~p~n", [Fact(20)]),
    Fib = fun Fib(N) when N < 2 -> N; Fib(N) -> Fib(N - 1) + Fib(N - 2) end,
    io:format("~p~n", [[Fib(N) || N <- lists:seq(0, 15)]]),
    Len = fun L([]) -> 0; L([_ | T]) -> 1 + L(T) end,
    io:format("~p~n", [Len("count me")]),
    Flat = fun Fl([]) -> []; Fl([H | T]) when is_list(H) -> Fl(H) ++ Fl(T); Fl([H | T]) -> [H | Fl(T)] end,
    io:format("~p~n", [Flat([1, [2, [3, [4]], 5], [[6]]])]),
    Countdown = fun C(0, Acc) -> lists:reverse([liftoff | Acc]); C(N, Acc) -> C(N - 1, [N | Acc]) end,
    io:format("~p~n", [Countdown(5, [])]).
