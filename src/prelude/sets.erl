%% `sets` in OTP 25's two representations. The default (version 1) is
%% OTP's record, so programs print the same terms and to_list/1 lists
%% elements in erl's order: a linear hash table
%%     {set, Size, N, MaxN, Bso, ExpSize, ConSize, Empty, Segs}
%% laid out as `dict`'s (see dict.erl), but a bucket is a list of the
%% elements themselves, newest first. `new([{version, 2}])` and
%% `from_list(L, [{version, 2}])` make a version 2 set: a map from each
%% element to []. Functions taking two sets accept a mix of both.
-module(sets).
-export([new/0, new/1, from_list/1, from_list/2, to_list/1, is_set/1,
         size/1, is_empty/1, is_element/2, add_element/2, del_element/2,
         union/1, union/2, intersection/1, intersection/2, subtract/2,
         is_subset/2, is_disjoint/2, fold/3, filter/2]).

-compile({no_auto_import, [size/1]}).

-define(SEG, 16).

new() ->
    Empty = list_to_tuple(lists:duplicate(?SEG, [])),
    {set, 0, ?SEG, ?SEG, ?SEG div 2, ?SEG * 5, ?SEG * 3, Empty, {Empty}}.

new([{version, 2}]) -> #{};
new(Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> new();
        2 -> new([{version, 2}])
    end.

from_list(L) -> lists:foldl(fun(E, S) -> add_element(E, S) end, new(), L).

from_list(L, [{version, 2}]) -> maps:from_keys(L, []);
from_list(L, Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> from_list(L);
        2 -> from_list(L, [{version, 2}])
    end.

is_set(#{}) -> true;
is_set({set, _, _, _, _, _, _, _, _}) -> true;
is_set(_) -> false.

size(#{} = S) -> map_size(S);
size({set, Size, _, _, _, _, _, _, _}) -> Size.

is_empty(#{} = S) -> map_size(S) =:= 0;
is_empty({set, Size, _, _, _, _, _, _, _}) -> Size =:= 0.

to_list(#{} = S) -> maps:keys(S);
to_list({set, _, _, _, _, _, _, _, _} = S) ->
    fold(fun(E, L) -> [E | L] end, [], S).

is_element(E, #{} = S) -> maps:is_key(E, S);
is_element(E, {set, _, _, _, _, _, _, _, _} = S) ->
    lists:member(E, get_bucket(S, get_slot(S, E))).

add_element(E, #{} = S) -> S#{E => []};
add_element(E, {set, _, _, _, _, _, _, _, _} = S) ->
    Slot = get_slot(S, E),
    B = get_bucket(S, Slot),
    case lists:member(E, B) of
        true -> S;
        false -> maybe_expand(put_bucket(S, Slot, [E | B]))
    end.

del_element(E, #{} = S) -> maps:remove(E, S);
del_element(E, {set, _, _, _, _, _, _, _, _} = S) ->
    Slot = get_slot(S, E),
    B = get_bucket(S, Slot),
    case lists:member(E, B) of
        false -> S;
        true -> maybe_contract(put_bucket(S, Slot, lists:delete(E, B)), 1)
    end.

%% The smaller set is added into the larger one.
union(#{} = S1, #{} = S2) -> maps:merge(S1, S2);
union(S1, S2) ->
    case size(S1) < size(S2) of
        true -> fold(fun add_element/2, S2, S1);
        false -> fold(fun add_element/2, S1, S2)
    end.

union([S1, S2 | Ss]) -> union_all(union(S1, S2), Ss);
union([S]) -> S;
union([]) -> new().

union_all(S1, [S2 | Ss]) -> union_all(union(S1, S2), Ss);
union_all(S1, []) -> S1.

%% The smaller set is filtered by membership in the larger one.
intersection(#{} = S1, #{} = S2) ->
    case map_size(S1) < map_size(S2) of
        true -> maps:filter(fun(E, _) -> is_map_key(E, S2) end, S1);
        false -> maps:filter(fun(E, _) -> is_map_key(E, S1) end, S2)
    end;
intersection(S1, S2) ->
    case size(S1) < size(S2) of
        true -> filter(fun(E) -> is_element(E, S2) end, S1);
        false -> filter(fun(E) -> is_element(E, S1) end, S2)
    end.

intersection([S1, S2 | Ss]) -> intersection_all(intersection(S1, S2), Ss);
intersection([S]) -> S.

intersection_all(S1, [S2 | Ss]) -> intersection_all(intersection(S1, S2), Ss);
intersection_all(S1, []) -> S1.

is_disjoint(S1, S2) ->
    {Small, Large} =
        case size(S1) < size(S2) of
            true -> {S1, S2};
            false -> {S2, S1}
        end,
    fold(fun(_, false) -> false;
            (E, true) -> not is_element(E, Large)
         end, true, Small).

subtract(#{} = S1, #{} = S2) ->
    maps:filter(fun(E, _) -> not is_map_key(E, S2) end, S1);
subtract(S1, S2) -> filter(fun(E) -> not is_element(E, S2) end, S1).

is_subset(#{} = S1, #{} = S2) when map_size(S1) > map_size(S2) -> false;
is_subset(S1, S2) ->
    fold(fun(E, Sub) -> Sub andalso is_element(E, S2) end, true, S1).

fold(F, Acc, #{} = S) when is_function(F, 2) ->
    lists:foldl(F, Acc, maps:keys(S));
fold(F, Acc, {set, _, _, _, _, _, _, _, Segs}) when is_function(F, 2) ->
    fold_segs(F, Acc, Segs, tuple_size(Segs)).

%% Folds over the buckets from the last to the first, each bucket's
%% elements in order.
fold_segs(_, Acc, _, 0) -> Acc;
fold_segs(F, Acc, Segs, I) ->
    Seg = element(I, Segs),
    fold_segs(F, fold_seg(F, Acc, Seg, tuple_size(Seg)), Segs, I - 1).
fold_seg(_, Acc, _, 0) -> Acc;
fold_seg(F, Acc, Seg, I) -> fold_seg(F, lists:foldl(F, Acc, element(I, Seg)), Seg, I - 1).

filter(F, #{} = S) when is_function(F, 1) -> maps:filter(fun(E, _) -> F(E) end, S);
filter(F, {set, Size, N, MaxN, Bso, Exp, Con, Empty, Segs}) when is_function(F, 1) ->
    {Segs1, Removed} = filter_segs(F, tuple_to_list(Segs), [], 0),
    maybe_contract({set, Size, N, MaxN, Bso, Exp, Con, Empty, list_to_tuple(Segs1)}, Removed).

filter_segs(F, [Seg | Segs], Acc, Removed) ->
    {Bs, R} = filter_buckets(F, tuple_to_list(Seg), [], Removed),
    filter_segs(F, Segs, [list_to_tuple(Bs) | Acc], R);
filter_segs(_, [], Acc, Removed) -> {lists:reverse(Acc), Removed}.

filter_buckets(F, [B | Bs], Acc, Removed) ->
    {B1, R} = filter_bucket(F, B, [], Removed),
    filter_buckets(F, Bs, [B1 | Acc], R);
filter_buckets(_, [], Acc, Removed) -> {lists:reverse(Acc), Removed}.

%% Keeps the elements F accepts, reversing the bucket as OTP does.
filter_bucket(F, [E | B], Kept, Removed) ->
    case F(E) of
        true -> filter_bucket(F, B, [E | Kept], Removed);
        false -> filter_bucket(F, B, Kept, Removed + 1)
    end;
filter_bucket(_, [], Kept, Removed) -> {Kept, Removed}.

%% E's bucket number, 1..N.
get_slot({set, _, N, MaxN, Bso, _, _, _, _}, E) ->
    H = erlang:phash(E, MaxN),
    if
        H > N -> H - Bso;
        true -> H
    end.

get_bucket(S, Slot) -> bucket_of(element(9, S), Slot).

bucket_of(Segs, Slot) ->
    element((Slot - 1) rem ?SEG + 1, element((Slot - 1) div ?SEG + 1, Segs)).

put_bucket(S, Slot, B) -> setelement(9, S, put_bucket_of(element(9, S), Slot, B)).

put_bucket_of(Segs, Slot, B) ->
    SegI = (Slot - 1) div ?SEG + 1,
    setelement(SegI, Segs, setelement((Slot - 1) rem ?SEG + 1, element(SegI, Segs), B)).

%% Counts one added element, growing the table by one bucket when it got
%% too full.
maybe_expand({set, Size, N, MaxN, Bso, Exp, _, Empty, Segs}) when Size + 1 > Exp ->
    {MaxN1, Bso1, Segs1} =
        if
            N =:= MaxN ->
                Wide = list_to_tuple(tuple_to_list(Segs) ++ lists:duplicate(tuple_size(Segs), Empty)),
                {2 * MaxN, 2 * Bso, Wide};
            true -> {MaxN, Bso, Segs}
        end,
    N1 = N + 1,
    Old = N1 - Bso1,
    {Stay, Move} = rehash(bucket_of(Segs1, Old), Old, N1, MaxN1),
    Segs2 = put_bucket_of(put_bucket_of(Segs1, Old, Stay), N1, Move),
    {set, Size + 1, N1, MaxN1, Bso1, N1 * 5, N1 * 3, Empty, Segs2};
maybe_expand({set, Size, N, MaxN, Bso, Exp, Con, Empty, Segs}) ->
    {set, Size + 1, N, MaxN, Bso, Exp, Con, Empty, Segs}.

rehash([E | B], Old, New, MaxN) ->
    {Stay, Move} = rehash(B, Old, New, MaxN),
    case erlang:phash(E, MaxN) of
        H when H =:= Old -> {[E | Stay], Move};
        H when H =:= New -> {Stay, [E | Move]}
    end;
rehash([], _, _, _) -> {[], []}.

%% Counts Removed fewer elements, joining the last bucket into its buddy
%% when the table got too empty.
maybe_contract({set, Size, N, MaxN, Bso, _, Con, Empty, Segs}, Removed)
  when Size - Removed < Con, N > ?SEG ->
    Low = N - Bso,
    Joined = bucket_of(Segs, Low) ++ bucket_of(Segs, N),
    Segs1 = put_bucket_of(put_bucket_of(Segs, Low, Joined), N, []),
    N1 = N - 1,
    if
        N1 =:= Bso ->
            Half = lists:sublist(tuple_to_list(Segs1), tuple_size(Segs1) div 2),
            {set, Size - Removed, N1, MaxN div 2, Bso div 2, N1 * 5, N1 * 3, Empty,
             list_to_tuple(Half)};
        true ->
            {set, Size - Removed, N1, MaxN, Bso, N1 * 5, N1 * 3, Empty, Segs1}
    end;
maybe_contract({set, Size, N, MaxN, Bso, Exp, Con, Empty, Segs}, Removed) ->
    {set, Size - Removed, N, MaxN, Bso, Exp, Con, Empty, Segs}.
