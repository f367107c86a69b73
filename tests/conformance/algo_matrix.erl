%% Matrix multiplication and powers with lists of lists; Fibonacci by matrix power.
-module(algo_matrix).
-export([main/0]).

transpose([[] | _]) -> [];
transpose(M) -> [[hd(R) || R <- M] | transpose([tl(R) || R <- M])].

mul(A, B) ->
    BT = transpose(B),
    [[lists:sum([X * Y || {X, Y} <- lists:zip(Row, Col)]) || Col <- BT] || Row <- A].

identity(N) -> [[if I =:= J -> 1; true -> 0 end || J <- lists:seq(1, N)] || I <- lists:seq(1, N)].

mpow(M, 0) -> identity(length(M));
mpow(M, N) when N rem 2 =:= 0 -> H = mpow(M, N div 2), mul(H, H);
mpow(M, N) -> mul(M, mpow(M, N - 1)).

main() ->
    A = [[1, 2], [3, 4]],
    io:format("~p~n", [mul(A, A)]),
    io:format("~p~n", [mul([[1, 2, 3]], [[4], [5], [6]])]),
    io:format("~p~n", [identity(3)]),
    [[_, F], _] = mpow([[1, 1], [1, 0]], 300),
    io:format("fib(300) = ~p~n", [F]),
    io:format("~p~n", [mul([[0.5, 0], [0, 2]], [[2, 0], [0, 0.5]])]).
