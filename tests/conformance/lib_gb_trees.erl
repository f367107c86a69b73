%% gb_trees: printed tree shapes for several insertion orders, deletes, iterators, errors.
-module(lib_gb_trees).
-export([main/0]).
t(F) -> try F() catch C:E -> {C, E} end.
ins(L) -> lists:foldl(fun(K, T) -> gb_trees:insert(K, K * 10, T) end, gb_trees:empty(), L).
shuffle(L, Seed) -> [X || {_, X} <- lists:sort([{(X * Seed) rem 101, X} || X <- L])].
main() ->
  [io:format("asc ~w: ~w~n", [N, ins(lists:seq(1, N))]) || N <- lists:seq(0, 20)],
  [io:format("desc ~w: ~w~n", [N, ins(lists:reverse(lists:seq(1, N)))]) || N <- [5, 9, 17, 33]],
  [io:format("mix ~w: ~w~n", [S, ins(shuffle(lists:seq(1, 40), S))]) || S <- [7, 13, 37]],
  io:format("zigzag: ~w~n", [ins([1, 100, 2, 99, 3, 98, 4, 97, 5, 96, 6, 95, 7, 94])]),
  T = ins(lists:seq(1, 12)),
  io:format("~w~n", [[gb_trees:lookup(3, T), gb_trees:lookup(30, T), gb_trees:get(4, T), gb_trees:is_defined(5, T), gb_trees:is_defined(50, T), gb_trees:lookup(3.0, T)]]),
  io:format("~w~n", [[gb_trees:size(T), gb_trees:keys(T), gb_trees:values(T), gb_trees:to_list(T), gb_trees:smallest(T), gb_trees:largest(T)]]),
  io:format("~w~n", [gb_trees:delete(8, T)]),
  io:format("~w~n", [gb_trees:delete(1, gb_trees:delete(8, T))]),
  io:format("~w~n", [gb_trees:delete_any(80, T)]),
  io:format("~w~n", [gb_trees:update(8, x, T)]),
  io:format("~w~n", [gb_trees:update(8.0, x, T)]),
  io:format("~w~n", [gb_trees:enter(8, y, T)]),
  io:format("~w~n", [gb_trees:enter(80, y, T)]),
  io:format("~w~n", [gb_trees:balance(gb_trees:delete(1, gb_trees:delete(8, T)))]),
  io:format("~w~n", [gb_trees:take_smallest(T)]),
  io:format("~w~n", [gb_trees:take_largest(T)]),
  io:format("~w~n", [gb_trees:take(5, T)]),
  io:format("~w~n", [[gb_trees:take_any(50, T), gb_trees:is_empty(T), gb_trees:is_empty(gb_trees:empty())]]),
  io:format("~w~n", [gb_trees:from_orddict([{a, 1}, {b, 2}, {c, 3}, {d, 4}, {e, 5}, {f, 6}])]),
  io:format("~w~n", [gb_trees:map(fun(K, V) -> K + V end, T)]),
  I = gb_trees:iterator(T),
  io:format("~w~n", [I]),
  {K1, V1, I1} = gb_trees:next(I),
  io:format("~w ~w ~w~n", [K1, V1, I1]),
  io:format("~w~n", [gb_trees:iterator_from(6, T)]),
  Walk = fun W(It) -> case gb_trees:next(It) of none -> []; {K, _, It2} -> [K | W(It2)] end end,
  io:format("~w ~w~n", [Walk(gb_trees:iterator(T)), Walk(gb_trees:iterator_from(6, T))]),
  io:format("~w~n", [[t(fun() -> gb_trees:insert(3, x, T) end), t(fun() -> gb_trees:get(30, T) end), t(fun() -> gb_trees:update(30, x, T) end),
     t(fun() -> gb_trees:delete(30, T) end), t(fun() -> gb_trees:take(30, T) end), t(fun() -> gb_trees:smallest(gb_trees:empty()) end), t(fun() -> gb_trees:take_smallest(gb_trees:empty()) end),
     t(fun() -> gb_trees:size(x) end), t(fun() -> gb_trees:lookup(1, x) end), t(fun() -> gb_trees:insert(1, 1, x) end), t(fun() -> gb_trees:to_list(x) end),
     t(fun() -> gb_trees:from_orddict(x) end), t(fun() -> gb_trees:next(x) end), t(fun() -> gb_trees:map(x, T) end), t(fun() -> gb_trees:balance(x) end)]]),
  ok.
