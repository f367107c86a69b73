%% Mutually recursive functions and recursive data traversal.
-module(recursion_mutual).
-export([main/0]).

is_even(0) -> true;
is_even(N) -> is_odd(N - 1).

is_odd(0) -> false;
is_odd(N) -> is_even(N - 1).

tree_sum({node, L, V, R}) -> tree_sum(L) + V + tree_sum(R);
tree_sum(leaf) -> 0.

insert(X, leaf) -> {node, leaf, X, leaf};
insert(X, {node, L, V, R}) when X < V -> {node, insert(X, L), V, R};
insert(X, {node, L, V, R}) -> {node, L, V, insert(X, R)}.

to_list(leaf) -> [];
to_list({node, L, V, R}) -> to_list(L) ++ [V] ++ to_list(R).

depth(leaf) -> 0;
depth({node, L, _, R}) -> 1 + max(depth(L), depth(R)).

main() ->
    io:format("~p~n", [[{N, is_even(N)} || N <- [0, 1, 10, 77]]]),
    T = lists:foldl(fun insert/2, leaf, [5, 3, 8, 1, 4, 7, 9, 2, 6]),
    io:format("~p~n", [to_list(T)]),
    io:format("~p ~p~n", [tree_sum(T), depth(T)]),
    io:format("~p~n", [insert(2, insert(1, leaf))]).
