%% `gb_sets`, kept as OTP keeps them so programs print the same terms:
%% {Size, Tree} with Tree = {Element, Smaller, Bigger} | nil, elements
%% compared with < and >. Insertion rebalances as gb_trees does. Set
%% operations pick OTP's strategy from the two sizes: merge both ordered
%% lists and build a balanced tree (the larger half on the right), or walk
%% the smaller set looking up each element in the larger one.
-module(gb_sets).
-export([empty/0, new/0, is_empty/1, size/1, singleton/1, is_element/2,
         is_member/2, insert/2, add/2, add_element/2, delete/2,
         delete_any/2, del_element/2, balance/1, from_list/1,
         from_ordset/1, to_list/1, union/1, union/2, intersection/1,
         intersection/2, difference/2, subtract/2, is_subset/2,
         is_disjoint/2, is_set/1, smallest/1, largest/1, take_smallest/1,
         take_largest/1, iterator/1, iterator_from/2, next/1, fold/3,
         filter/2]).

empty() -> {0, nil}.
new() -> empty().

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) -> Size.

singleton(X) -> {1, {X, nil, nil}}.

is_element(X, S) -> is_member(X, S).
is_member(X, {_, T}) -> member(X, T).
member(X, {Y, Smaller, _}) when X < Y -> member(X, Smaller);
member(X, {Y, _, Bigger}) when X > Y -> member(X, Bigger);
member(_, {_, _, _}) -> true;
member(_, nil) -> false.

insert(X, {S, T}) when is_integer(S), S >= 0 ->
    S1 = S + 1,
    {S1, insert_1(X, T, S1 * S1)}.

%% As in gb_trees: past the depth budget, sizes and heights come back up
%% until a subtree that is too tall is rebuilt.
insert_1(X, {Y, Smaller, Bigger}, Budget) when X < Y ->
    case insert_1(X, Smaller, Budget bsr 1) of
        {T1, H1, S1} when is_integer(H1), is_integer(S1) ->
            rebalance({Y, T1, Bigger}, H1, S1, Bigger);
        T1 -> {Y, T1, Bigger}
    end;
insert_1(X, {Y, Smaller, Bigger}, Budget) when X > Y ->
    case insert_1(X, Bigger, Budget bsr 1) of
        {T1, H1, S1} when is_integer(H1), is_integer(S1) ->
            rebalance({Y, Smaller, T1}, H1, S1, Smaller);
        T1 -> {Y, Smaller, T1}
    end;
insert_1(X, nil, 0) -> {{X, nil, nil}, 1, 1};
insert_1(X, nil, _) -> {X, nil, nil};
insert_1(X, _, _) -> erlang:error({key_exists, X}).

rebalance(T, H1, S1, Other) ->
    {H2, S2} = measure(Other),
    H = 2 * erlang:max(H1, H2),
    Size = S1 + S2 + 1,
    if
        H > Size * Size -> balance_list(to_list_1(T, []), Size);
        true -> {T, H, Size}
    end.

measure({_, nil, nil}) -> {1, 1};
measure({_, Smaller, Bigger}) ->
    {H1, S1} = measure(Smaller),
    {H2, S2} = measure(Bigger),
    {2 * erlang:max(H1, H2), S1 + S2 + 1};
measure(nil) -> {1, 0}.

balance({S, T}) when is_integer(S), S >= 0 -> {S, balance_list(to_list_1(T, []), S)}.

%% A balanced tree of the first S elements of an ordered list; of two
%% unequal halves the left gets the extra element.
balance_list(L, S) ->
    {T, _} = balance_list_1(L, S),
    T.
balance_list_1(L, S) when S > 1 ->
    Rest = S - 1,
    Right = Rest div 2,
    Left = Rest - Right,
    {T1, [X | L1]} = balance_list_1(L, Left),
    {T2, L2} = balance_list_1(L1, Right),
    {{X, T1, T2}, L2};
balance_list_1([X | L], 1) -> {{X, nil, nil}, L};
balance_list_1(L, 0) -> {nil, L}.

%% The same from a list in descending order: the right gets the extra one.
balance_revlist(L, S) ->
    {T, _} = balance_revlist_1(L, S),
    T.
balance_revlist_1(L, S) when S > 1 ->
    Rest = S - 1,
    Left = Rest div 2,
    Right = Rest - Left,
    {T2, [X | L1]} = balance_revlist_1(L, Right),
    {T1, L2} = balance_revlist_1(L1, Left),
    {{X, T1, T2}, L2};
balance_revlist_1([X | L], 1) -> {{X, nil, nil}, L};
balance_revlist_1(L, 0) -> {nil, L}.

add_element(X, S) -> add(X, S).
add(X, S) ->
    case is_member(X, S) of
        true -> S;
        false -> insert(X, S)
    end.

from_list(L) -> from_ordset(ordsets:from_list(L)).

from_ordset(L) ->
    S = erlang:length(L),
    {S, balance_list(L, S)}.

del_element(X, S) -> delete_any(X, S).
delete_any(X, S) ->
    case is_member(X, S) of
        true -> delete(X, S);
        false -> S
    end.

delete(X, {S, T}) -> {S - 1, delete_1(X, T)}.
delete_1(X, {Y, Smaller, Bigger}) when X < Y -> {Y, delete_1(X, Smaller), Bigger};
delete_1(X, {Y, Smaller, Bigger}) when X > Y -> {Y, Smaller, delete_1(X, Bigger)};
delete_1(_, {_, Smaller, Bigger}) -> join(Smaller, Bigger).

join(Smaller, nil) -> Smaller;
join(nil, Bigger) -> Bigger;
join(Smaller, Bigger) ->
    {X, Bigger1} = take_smallest_1(Bigger),
    {X, Smaller, Bigger1}.

take_smallest({S, T}) ->
    {X, T1} = take_smallest_1(T),
    {X, {S - 1, T1}}.
take_smallest_1({X, nil, Bigger}) -> {X, Bigger};
take_smallest_1({X, Smaller, Bigger}) ->
    {Y, Smaller1} = take_smallest_1(Smaller),
    {Y, {X, Smaller1, Bigger}}.

take_largest({S, T}) ->
    {X, T1} = take_largest_1(T),
    {X, {S - 1, T1}}.
take_largest_1({X, Smaller, nil}) -> {X, Smaller};
take_largest_1({X, Smaller, Bigger}) ->
    {Y, Bigger1} = take_largest_1(Bigger),
    {Y, {X, Smaller, Bigger1}}.

smallest({_, T}) -> smallest_1(T).
smallest_1({X, nil, _}) -> X;
smallest_1({_, Smaller, _}) -> smallest_1(Smaller).

largest({_, T}) -> largest_1(T).
largest_1({X, _, nil}) -> X;
largest_1({_, _, Bigger}) -> largest_1(Bigger).

to_list({_, T}) -> to_list_1(T, []).
to_list_1({X, Smaller, Bigger}, L) -> to_list_1(Smaller, [X | to_list_1(Bigger, L)]);
to_list_1(nil, L) -> L.

iterator({_, T}) -> iterator_1(T, []).
iterator_1({_, nil, _} = T, As) -> [T | As];
iterator_1({_, Smaller, _} = T, As) -> iterator_1(Smaller, [T | As]);
iterator_1(nil, As) -> As.

iterator_from(X, {_, T}) -> iterator_from_1(X, T, []).
iterator_from_1(X, {Y, _, Bigger}, As) when Y < X -> iterator_from_1(X, Bigger, As);
iterator_from_1(_, {_, nil, _} = T, As) -> [T | As];
iterator_from_1(X, {_, Smaller, _} = T, As) -> iterator_from_1(X, Smaller, [T | As]);
iterator_from_1(_, nil, As) -> As.

next([{X, _, Bigger} | As]) -> {X, iterator_1(Bigger, As)};
next([]) -> none.

%% Merging the ordered lists pays when the larger set is less than about
%% 1.46 * ln(its size) times the smaller one, or small.
merge_pays(_, N2) when N2 < 10 -> true;
merge_pays(N1, N2) -> N2 < N1 * round(1.46 * math:log(N2)).

union({N1, T1}, {N2, T2}) when is_integer(N1), is_integer(N2), N2 < N1 ->
    union_small(to_list_1(T2, []), N2, T1, N1);
union({N1, T1}, {N2, T2}) when is_integer(N1), is_integer(N2) ->
    union_small(to_list_1(T1, []), N1, T2, N2).

union_small(L, N1, T2, N2) ->
    case merge_pays(N1, N2) of
        true -> union_merge(L, to_list_1(T2, []), [], N1 + N2);
        false -> lists:foldl(fun add/2, {N2, T2}, L)
    end.

%% When the right head is smaller the lists swap places, so of two equal
%% elements the one from the list then on the left is kept.
union_merge([X | Xs], [Y | _] = Ys, Acc, S) when X < Y -> union_merge(Xs, Ys, [X | Acc], S);
union_merge([X | _] = Xs, [Y | Ys], Acc, S) when X > Y -> union_merge(Ys, Xs, [Y | Acc], S);
union_merge([X | Xs], [_ | Ys], Acc, S) -> union_merge(Xs, Ys, [X | Acc], S - 1);
union_merge([], Ys, Acc, S) -> {S, balance_revlist(lists:reverse(Ys, Acc), S)};
union_merge(Xs, [], Acc, S) -> {S, balance_revlist(lists:reverse(Xs, Acc), S)}.

union([S | Ss]) -> lists:foldl(fun(S1, Acc) -> union(Acc, S1) end, S, Ss);
union([]) -> empty().

intersection({N1, T1}, {N2, T2}) when is_integer(N1), is_integer(N2), N2 < N1 ->
    intersection_small(to_list_1(T2, []), N2, T1, N1);
intersection({N1, T1}, {N2, T2}) when is_integer(N1), is_integer(N2) ->
    intersection_small(to_list_1(T1, []), N1, T2, N2).

intersection_small(L, N1, T2, N2) ->
    case merge_pays(N1, N2) of
        true -> intersection_merge(L, to_list_1(T2, []), [], 0);
        false -> keep(L, T2, true, [], 0)
    end.

intersection_merge([X | Xs], [Y | _] = Ys, Acc, S) when X < Y -> intersection_merge(Xs, Ys, Acc, S);
intersection_merge([X | _] = Xs, [Y | Ys], Acc, S) when X > Y -> intersection_merge(Ys, Xs, Acc, S);
intersection_merge([X | Xs], [_ | Ys], Acc, S) -> intersection_merge(Xs, Ys, [X | Acc], S + 1);
intersection_merge(_, _, Acc, S) -> {S, balance_revlist(Acc, S)}.

%% The elements of L whose membership in T is Wanted, as a set.
keep([X | Xs], T, Wanted, Acc, S) ->
    case member(X, T) =:= Wanted of
        true -> keep(Xs, T, Wanted, [X | Acc], S + 1);
        false -> keep(Xs, T, Wanted, Acc, S)
    end;
keep([], _, _, Acc, S) -> {S, balance_revlist(Acc, S)}.

intersection([S | Ss]) -> lists:foldl(fun(S1, Acc) -> intersection(Acc, S1) end, S, Ss).

subtract(A, B) -> difference(A, B).
difference({N1, T1}, {N2, T2}) when is_integer(N1), N1 >= 0, is_integer(N2), N2 >= 0 ->
    L = to_list_1(T1, []),
    case merge_pays(N1, N2) of
        true -> difference_merge(L, to_list_1(T2, []), [], N1);
        false -> keep(L, T2, false, [], 0)
    end.

difference_merge([X | Xs], [Y | _] = Ys, Acc, S) when X < Y -> difference_merge(Xs, Ys, [X | Acc], S);
difference_merge([X | _] = Xs, [Y | Ys], Acc, S) when X > Y -> difference_merge(Xs, Ys, Acc, S);
difference_merge([_ | Xs], [_ | Ys], Acc, S) -> difference_merge(Xs, Ys, Acc, S - 1);
difference_merge([], _, Acc, S) -> {S, balance_revlist(Acc, S)};
difference_merge(Xs, [], Acc, S) -> {S, balance_revlist(lists:reverse(Xs, Acc), S)}.

is_subset({N1, T1}, {N2, T2}) when is_integer(N1), N1 >= 0, is_integer(N2), N2 >= 0 ->
    L = to_list_1(T1, []),
    case merge_pays(N1, N2) of
        true -> subset_merge(L, to_list_1(T2, []));
        false -> lists:all(fun(X) -> member(X, T2) end, L)
    end.

subset_merge([X | _], [Y | _]) when X < Y -> false;
subset_merge([X | _] = Xs, [Y | Ys]) when X > Y -> subset_merge(Xs, Ys);
subset_merge([_ | Xs], [_ | Ys]) -> subset_merge(Xs, Ys);
subset_merge([], _) -> true;
subset_merge(_, []) -> false.

is_disjoint({N1, T1}, {N2, T2}) when N1 < N2 -> disjoint(T1, T2);
is_disjoint({_, T1}, {_, T2}) -> disjoint(T2, T1).

disjoint({X, Smaller1, Bigger1}, {Y, Smaller2, _} = T) when X < Y ->
    not member(X, Smaller2) andalso disjoint(Smaller1, Smaller2) andalso disjoint(Bigger1, T);
disjoint({X, Smaller1, Bigger1}, {Y, _, Bigger2} = T) when X > Y ->
    not member(X, Bigger2) andalso disjoint(Bigger1, Bigger2) andalso disjoint(Smaller1, T);
disjoint({_, _, _}, {_, _, _}) -> false;
disjoint(nil, _) -> true;
disjoint(_, nil) -> true.

is_set({0, nil}) -> true;
is_set({N, {_, _, _}}) when is_integer(N), N >= 0 -> true;
is_set(_) -> false.

fold(F, Acc, {_, T}) when is_function(F, 2) -> fold_1(F, Acc, T).
fold_1(F, Acc, {X, Smaller, Bigger}) -> fold_1(F, F(X, fold_1(F, Acc, Smaller)), Bigger);
fold_1(_, Acc, nil) -> Acc.

filter(F, S) when is_function(F, 1) -> from_ordset([X || X <- to_list(S), F(X)]).
