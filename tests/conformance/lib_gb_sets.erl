%% gb_sets: printed tree shapes, set operations of every size pairing, iterators, errors.
-module(lib_gb_sets).
-export([main/0]).
t(F) -> try F() catch C:E -> {C, E} end.
ins(L) -> lists:foldl(fun gb_sets:add/2, gb_sets:new(), L).
shuffle(L, Seed) -> [X || {_, X} <- lists:sort([{(X * Seed) rem 101, X} || X <- L])].
main() ->
  [io:format("asc ~w: ~w~n", [N, ins(lists:seq(1, N))]) || N <- lists:seq(0, 17)],
  [io:format("mix ~w: ~w~n", [S, ins(shuffle(lists:seq(1, 30), S))]) || S <- [7, 13]],
  A = ins(shuffle(lists:seq(1, 30), 7)),
  B = gb_sets:from_list(lists:seq(20, 50, 3)),
  C = gb_sets:from_list([5, 25, 26]),
  Big = gb_sets:from_list(lists:seq(1, 200, 2)),
  Sets = [gb_sets:new(), gb_sets:singleton(3), C, B, A, Big, gb_sets:from_list([1.0, 2, 3.0])],
  [io:format("~w~n~w ~w ~w~n~w ~w~n~w ~w~n", [X, gb_sets:union(X, Y), gb_sets:intersection(X, Y), gb_sets:difference(X, Y), gb_sets:is_subset(X, Y), gb_sets:is_disjoint(X, Y), gb_sets:subtract(Y, X), gb_sets:union(Y, X)]) || X <- Sets, Y <- Sets],
  io:format("~w~n", [gb_sets:union([A, B, C])]),
  io:format("~w~n", [gb_sets:intersection([A, B, Big])]),
  io:format("~w~n", [[gb_sets:to_list(A), gb_sets:size(A), gb_sets:smallest(A), gb_sets:largest(A), gb_sets:is_element(5, A), gb_sets:is_member(99, A), gb_sets:is_element(5.0, A)]]),
  io:format("~w~n", [gb_sets:fold(fun(X, Acc) -> [X | Acc] end, [], A)]),
  io:format("~w~n", [gb_sets:filter(fun(X) -> X rem 3 =:= 0 end, A)]),
  io:format("~w~n", [gb_sets:del_element(10, A)]),
  io:format("~w~n", [gb_sets:del_element(100, A)]),
  io:format("~w~n", [gb_sets:delete(10, A)]),
  io:format("~w~n", [gb_sets:balance(gb_sets:delete(10, A))]),
  io:format("~w~n", [gb_sets:take_smallest(C)]),
  io:format("~w~n", [gb_sets:take_largest(C)]),
  io:format("~w~n", [gb_sets:add_element(7, C)]),
  io:format("~w~n", [gb_sets:insert(7, C)]),
  io:format("~w~n", [gb_sets:from_ordset([a, b, c, d])]),
  io:format("~w~n", [gb_sets:from_list([d, b, a, c, b])]),
  io:format("~w~n", [[gb_sets:is_set(A), gb_sets:is_set(x), gb_sets:is_set({0, nil}), gb_sets:is_empty(A), gb_sets:is_empty(gb_sets:empty())]]),
  io:format("~w~n", [gb_sets:iterator(C)]),
  io:format("~w~n", [gb_sets:next(gb_sets:iterator(C))]),
  io:format("~w~n", [gb_sets:iterator_from(6, C)]),
  io:format("~w~n", [[t(fun() -> gb_sets:insert(5, C) end), t(fun() -> gb_sets:delete(6, C) end), t(fun() -> gb_sets:smallest(gb_sets:new()) end),
    t(fun() -> gb_sets:take_largest(gb_sets:new()) end), t(fun() -> gb_sets:union(x, C) end), t(fun() -> gb_sets:fold(x, 0, C) end), t(fun() -> gb_sets:filter(x, C) end),
    t(fun() -> gb_sets:size(x) end), t(fun() -> gb_sets:is_member(1, x) end), t(fun() -> gb_sets:from_list(x) end), t(fun() -> gb_sets:next(x) end), t(fun() -> gb_sets:union([]) end), t(fun() -> gb_sets:intersection([]) end)]]),
  ok.
