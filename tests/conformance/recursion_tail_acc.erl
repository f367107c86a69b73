%% Body recursion versus tail recursion with accumulators; deep recursion.
-module(recursion_tail_acc).
-export([main/0]).

sum_body([]) -> 0;
sum_body([H | T]) -> H + sum_body(T).

sum_tail(L) -> sum_tail(L, 0).
sum_tail([], Acc) -> Acc;
sum_tail([H | T], Acc) -> sum_tail(T, Acc + H).

count_down(0) -> done;
count_down(N) -> count_down(N - 1).

map_body(_, []) -> [];
map_body(F, [H | T]) -> [F(H) | map_body(F, T)].

main() ->
    L = lists:seq(1, 100000),
    io:format("~p ~p~n", [sum_body(L), sum_tail(L)]),
    io:format("~p~n", [count_down(1000000)]),
    io:format("~p~n", [length(map_body(fun(X) -> X + 1 end, L))]),
    io:format("~p~n", [lists:last(map_body(fun(X) -> X * X end, L))]).
