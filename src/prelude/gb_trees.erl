%% `gb_trees`, kept as OTP keeps them so programs print the same terms:
%% {Size, Tree} with Tree = {Key, Value, Smaller, Bigger} | nil, keys
%% compared with < and > (so 1 and 1.0 are the same key).
%%
%% Balance (general balanced trees, Andersson): an insertion that lands
%% deeper than 2 * log2(Size) walks back up measuring each subtree on the
%% path, and the first subtree whose height h has 2^h > size^2 is rebuilt
%% perfectly balanced. Heights are counted as powers of two (a leaf is 1,
%% each level doubles), so the test is a comparison of integers. Deletion
%% never rebalances; balance/1 rebuilds the whole tree.
-module(gb_trees).
-export([empty/0, is_empty/1, size/1, lookup/2, get/2, is_defined/2,
         insert/3, update/3, enter/3, delete/2, delete_any/2, take/2,
         take_any/2, balance/1, from_orddict/1, to_list/1, keys/1,
         values/1, smallest/1, largest/1, take_smallest/1, take_largest/1,
         iterator/1, iterator_from/2, next/1, map/2]).

empty() -> {0, nil}.

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) when is_integer(Size), Size >= 0 -> Size.

lookup(Key, {_, T}) -> lookup_1(Key, T).
lookup_1(Key, {K, _, Smaller, _}) when Key < K -> lookup_1(Key, Smaller);
lookup_1(Key, {K, _, _, Bigger}) when Key > K -> lookup_1(Key, Bigger);
lookup_1(_, {_, V, _, _}) -> {value, V};
lookup_1(_, nil) -> none.

is_defined(Key, {_, T}) -> is_defined_1(Key, T).
is_defined_1(Key, {K, _, Smaller, _}) when Key < K -> is_defined_1(Key, Smaller);
is_defined_1(Key, {K, _, _, Bigger}) when Key > K -> is_defined_1(Key, Bigger);
is_defined_1(_, {_, _, _, _}) -> true;
is_defined_1(_, nil) -> false.

get(Key, {_, T}) -> get_1(Key, T).
get_1(Key, {K, _, Smaller, _}) when Key < K -> get_1(Key, Smaller);
get_1(Key, {K, _, _, Bigger}) when Key > K -> get_1(Key, Bigger);
get_1(_, {_, V, _, _}) -> V.

update(Key, V, {S, T}) -> {S, update_1(Key, V, T)}.
update_1(Key, V, {K, W, Smaller, Bigger}) when Key < K -> {K, W, update_1(Key, V, Smaller), Bigger};
update_1(Key, V, {K, W, Smaller, Bigger}) when Key > K -> {K, W, Smaller, update_1(Key, V, Bigger)};
update_1(Key, V, {_, _, Smaller, Bigger}) -> {Key, V, Smaller, Bigger}.

enter(Key, V, T) ->
    case is_defined(Key, T) of
        true -> update(Key, V, T);
        false -> insert(Key, V, T)
    end.

insert(Key, V, {S, T}) when is_integer(S) ->
    S1 = S + 1,
    {S1, insert_1(Key, V, T, S1 * S1)}.

%% Budget halves at each level; at 0 the new node is too deep and the
%% result becomes {Tree, Height, Size} until a subtree is rebalanced.
insert_1(Key, V, {K, W, Smaller, Bigger}, Budget) when Key < K ->
    case insert_1(Key, V, Smaller, Budget bsr 1) of
        {T1, H1, S1} when is_integer(H1) ->
            rebalance({K, W, T1, Bigger}, H1, S1, Bigger);
        T1 -> {K, W, T1, Bigger}
    end;
insert_1(Key, V, {K, W, Smaller, Bigger}, Budget) when Key > K ->
    case insert_1(Key, V, Bigger, Budget bsr 1) of
        {T1, H1, S1} when is_integer(H1) ->
            rebalance({K, W, Smaller, T1}, H1, S1, Smaller);
        T1 -> {K, W, Smaller, T1}
    end;
insert_1(Key, V, nil, 0) -> {{Key, V, nil, nil}, 1, 1};
insert_1(Key, V, nil, _) -> {Key, V, nil, nil};
insert_1(Key, _, _, _) -> erlang:error({key_exists, Key}).

rebalance(T, H1, S1, Other) ->
    {H2, S2} = measure(Other),
    H = 2 * erlang:max(H1, H2),
    Size = S1 + S2 + 1,
    if
        H > Size * Size -> balance_list(to_list_1(T, []), Size);
        true -> {T, H, Size}
    end.

%% {Height as a power of two, Size}.
measure({_, _, nil, nil}) -> {1, 1};
measure({_, _, Smaller, Bigger}) ->
    {H1, S1} = measure(Smaller),
    {H2, S2} = measure(Bigger),
    {2 * erlang:max(H1, H2), S1 + S2 + 1};
measure(nil) -> {1, 0}.

balance({S, T}) -> {S, balance_list(to_list_1(T, []), S)}.

from_orddict(L) ->
    S = erlang:length(L),
    {S, balance_list(L, S)}.

%% A perfectly balanced tree of the first S pairs of L; of two unequal
%% halves the smaller side gets the extra node.
balance_list(L, S) ->
    {T, _} = balance_list_1(L, S),
    T.
balance_list_1(L, S) when S > 1 ->
    Rest = S - 1,
    Right = Rest div 2,
    Left = Rest - Right,
    {T1, [{K, V} | L1]} = balance_list_1(L, Left),
    {T2, L2} = balance_list_1(L1, Right),
    {{K, V, T1, T2}, L2};
balance_list_1([{K, V} | L], 1) -> {{K, V, nil, nil}, L};
balance_list_1(L, 0) -> {nil, L}.

delete(Key, {S, T}) when is_integer(S), S >= 0 -> {S - 1, delete_1(Key, T)}.
delete_1(Key, {K, V, Smaller, Bigger}) when Key < K -> {K, V, delete_1(Key, Smaller), Bigger};
delete_1(Key, {K, V, Smaller, Bigger}) when Key > K -> {K, V, Smaller, delete_1(Key, Bigger)};
delete_1(_, {_, _, Smaller, Bigger}) -> join(Smaller, Bigger).

join(Smaller, nil) -> Smaller;
join(nil, Bigger) -> Bigger;
join(Smaller, Bigger) ->
    {K, V, Bigger1} = take_smallest_1(Bigger),
    {K, V, Smaller, Bigger1}.

delete_any(Key, T) ->
    case is_defined(Key, T) of
        true -> delete(Key, T);
        false -> T
    end.

take(Key, {S, T}) when is_integer(S), S >= 0 ->
    {V, T1} = take_1(Key, T),
    {V, {S - 1, T1}}.
take_1(Key, {K, V, Smaller, Bigger}) when Key < K ->
    {V1, Smaller1} = take_1(Key, Smaller),
    {V1, {K, V, Smaller1, Bigger}};
take_1(Key, {K, V, Smaller, Bigger}) when Key > K ->
    {V1, Bigger1} = take_1(Key, Bigger),
    {V1, {K, V, Smaller, Bigger1}};
take_1(_, {_, V, Smaller, Bigger}) -> {V, join(Smaller, Bigger)}.

take_any(Key, T) ->
    case is_defined(Key, T) of
        true -> take(Key, T);
        false -> error
    end.

to_list({_, T}) -> to_list_1(T, []).
to_list_1({K, V, Smaller, Bigger}, L) -> to_list_1(Smaller, [{K, V} | to_list_1(Bigger, L)]);
to_list_1(nil, L) -> L.

keys({_, T}) -> keys_1(T, []).
keys_1({K, _, Smaller, Bigger}, L) -> keys_1(Smaller, [K | keys_1(Bigger, L)]);
keys_1(nil, L) -> L.

values({_, T}) -> values_1(T, []).
values_1({_, V, Smaller, Bigger}, L) -> values_1(Smaller, [V | values_1(Bigger, L)]);
values_1(nil, L) -> L.

smallest({_, T}) -> smallest_1(T).
smallest_1({K, V, nil, _}) -> {K, V};
smallest_1({_, _, Smaller, _}) -> smallest_1(Smaller).

largest({_, T}) -> largest_1(T).
largest_1({K, V, _, nil}) -> {K, V};
largest_1({_, _, _, Bigger}) -> largest_1(Bigger).

take_smallest({S, T}) when is_integer(S), S >= 0 ->
    {K, V, T1} = take_smallest_1(T),
    {K, V, {S - 1, T1}}.
take_smallest_1({K, V, nil, Bigger}) -> {K, V, Bigger};
take_smallest_1({K, V, Smaller, Bigger}) ->
    {K1, V1, Smaller1} = take_smallest_1(Smaller),
    {K1, V1, {K, V, Smaller1, Bigger}}.

take_largest({S, T}) when is_integer(S), S >= 0 ->
    {K, V, T1} = take_largest_1(T),
    {K, V, {S - 1, T1}}.
take_largest_1({K, V, Smaller, nil}) -> {K, V, Smaller};
take_largest_1({K, V, Smaller, Bigger}) ->
    {K1, V1, Bigger1} = take_largest_1(Bigger),
    {K1, V1, {K, V, Smaller, Bigger1}}.

%% An iterator is the stack of subtrees an in-order walk has yet to finish.
iterator({_, T}) -> iterator_1(T, []).
iterator_1({_, _, nil, _} = T, As) -> [T | As];
iterator_1({_, _, Smaller, _} = T, As) -> iterator_1(Smaller, [T | As]);
iterator_1(nil, As) -> As.

iterator_from(Key, {_, T}) -> iterator_from_1(Key, T, []).
iterator_from_1(Key, {K, _, _, Bigger}, As) when K < Key -> iterator_from_1(Key, Bigger, As);
iterator_from_1(_, {_, _, nil, _} = T, As) -> [T | As];
iterator_from_1(Key, {_, _, Smaller, _} = T, As) -> iterator_from_1(Key, Smaller, [T | As]);
iterator_from_1(_, nil, As) -> As.

next([{K, V, _, Bigger} | As]) -> {K, V, iterator_1(Bigger, As)};
next([]) -> none.

map(F, {S, T}) when is_function(F, 2) -> {S, map_1(F, T)}.
map_1(F, {K, V, Smaller, Bigger}) -> {K, F(K, V), map_1(F, Smaller), map_1(F, Bigger)};
map_1(_, nil) -> nil.
