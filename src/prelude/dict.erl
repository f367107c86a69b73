%% `dict`, kept as OTP keeps it so programs print the same terms and
%% to_list/1 lists keys in erl's order: a linear hash table
%%     {dict, Size, N, MaxN, Bso, ExpSize, ConSize, Empty, Segs}
%% with N active buckets of MaxN, in segments of 16 (Segs is a tuple of
%% 16-tuples, Empty an empty segment). A bucket is a list of [Key | Value]
%% cells, newest last; keys are told apart with =:=. A key's bucket comes
%% from erlang:phash(Key, MaxN). The table grows by one bucket when Size
%% passes ExpSize (5 per bucket) and shrinks by one when it falls below
%% ConSize (3 per bucket), splitting or joining a bucket each time.
-module(dict).
-export([new/0, is_key/2, to_list/1, from_list/1, size/1, is_empty/1,
         fetch/2, find/2, fetch_keys/1, erase/2, take/2, store/3, append/3,
         append_list/3, update/3, update/4, update_counter/3, fold/3,
         map/2, filter/2, merge/3]).

-define(SEG, 16).

new() ->
    Empty = list_to_tuple(lists:duplicate(?SEG, [])),
    {dict, 0, ?SEG, ?SEG, ?SEG div 2, ?SEG * 5, ?SEG * 3, Empty, {Empty}}.

size({dict, Size, _, _, _, _, _, _, _}) -> Size.

is_empty({dict, Size, _, _, _, _, _, _, _}) -> Size =:= 0.

is_key(Key, D) -> find_cell(Key, bucket(D, Key)) =/= error.

find(Key, D) ->
    case find_cell(Key, bucket(D, Key)) of
        {ok, _} = Found -> Found;
        error -> error
    end.

fetch(Key, D) ->
    case find_cell(Key, bucket(D, Key)) of
        {ok, V} -> V;
        error -> erlang:error(badarg, [Key, D])
    end.

find_cell(Key, [[Key | V] | _]) -> {ok, V};
find_cell(Key, [_ | B]) -> find_cell(Key, B);
find_cell(_, []) -> error.

to_list(D) -> fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], checked(D)).

fetch_keys(D) -> fold(fun(K, _, Acc) -> [K | Acc] end, [], checked(D)).

checked({dict, _, _, _, _, _, _, _, _} = D) -> D;
checked(D) -> erlang:error({badrecord, D}).

from_list(L) -> lists:foldl(fun({K, V}, D) -> store(K, V, D) end, new(), L).

store(Key, V, D) ->
    change(D, Key, fun(B) -> put_cell(Key, fun(_) -> V end, V, B) end).

append(Key, V, D) ->
    change(D, Key, fun(B) -> put_cell(Key, fun(Old) -> Old ++ [V] end, [V], B) end).

append_list(Key, L, D) ->
    change(D, Key, fun(B) -> put_cell(Key, fun(Old) -> Old ++ L end, L, B) end).

update(Key, F, Init, D) ->
    change(D, Key, fun(B) -> put_cell(Key, F, Init, B) end).

update_counter(Key, N, D) when is_number(N) ->
    change(D, Key, fun(B) -> put_cell(Key, fun(Old) -> Old + N end, N, B) end).

update(Key, F, D) ->
    case find_cell(Key, bucket(D, Key)) of
        {ok, _} -> update(Key, F, none, D);
        error -> erlang:error(badarg, [Key, F, D])
    end.

%% The bucket with Key's value replaced by F(Old), or Key => New added at
%% its end; and how many cells were added.
put_cell(Key, F, _, [[Key | Old] | B]) -> {[[Key | F(Old)] | B], 0};
put_cell(Key, F, New, [Cell | B]) ->
    {B1, Added} = put_cell(Key, F, New, B),
    {[Cell | B1], Added};
put_cell(Key, _, New, []) -> {[[Key | New]], 1}.

erase(Key, D) ->
    Slot = slot(D, Key),
    {dict, Size, N, MaxN, Bso, Exp, Con, Empty, Segs} = D,
    {B, Removed} = remove_cell(Key, get_bucket(Segs, Slot)),
    shrink({dict, Size, N, MaxN, Bso, Exp, Con, Empty, put_bucket(Segs, Slot, B)}, Removed).

take(Key, D) ->
    Slot = slot(D, Key),
    {dict, Size, N, MaxN, Bso, Exp, Con, Empty, Segs} = D,
    case find_cell(Key, get_bucket(Segs, Slot)) of
        {ok, V} ->
            {B, 1} = remove_cell(Key, get_bucket(Segs, Slot)),
            {V, shrink({dict, Size, N, MaxN, Bso, Exp, Con, Empty, put_bucket(Segs, Slot, B)}, 1)};
        error -> error
    end.

remove_cell(Key, [[Key | _] | B]) -> {B, 1};
remove_cell(Key, [Cell | B]) ->
    {B1, Removed} = remove_cell(Key, B),
    {[Cell | B1], Removed};
remove_cell(_, []) -> {[], 0}.

%% Folds over the buckets from the last to the first, each bucket's cells
%% in order.
fold(F, Acc, {dict, _, _, _, _, _, _, _, Segs}) when is_function(F, 3) ->
    fold_segs(F, Acc, Segs, tuple_size(Segs)).
fold_segs(_, Acc, _, 0) -> Acc;
fold_segs(F, Acc, Segs, I) ->
    Seg = element(I, Segs),
    fold_segs(F, fold_seg(F, Acc, Seg, tuple_size(Seg)), Segs, I - 1).
fold_seg(_, Acc, _, 0) -> Acc;
fold_seg(F, Acc, Seg, I) ->
    fold_seg(F, fold_bucket(F, Acc, element(I, Seg)), Seg, I - 1).
fold_bucket(F, Acc, [[K | V] | B]) -> fold_bucket(F, F(K, V, Acc), B);
fold_bucket(_, Acc, []) -> Acc.

map(F, {dict, Size, N, MaxN, Bso, Exp, Con, Empty, Segs}) when is_function(F, 2) ->
    Segs1 = list_to_tuple([map_seg(F, Seg) || Seg <- tuple_to_list(Segs)]),
    {dict, Size, N, MaxN, Bso, Exp, Con, Empty, Segs1}.
map_seg(F, Seg) ->
    list_to_tuple([[[K | F(K, V)] || [K | V] <- B] || B <- tuple_to_list(Seg)]).

filter(F, {dict, 0, _, _, _, _, _, _, _} = D) when is_function(F, 2) -> D;
filter(F, {dict, Size, N, MaxN, Bso, Exp, Con, Empty, Segs}) when is_function(F, 2) ->
    {Segs1, Removed} = filter_segs(F, tuple_to_list(Segs), [], 0),
    shrink({dict, Size, N, MaxN, Bso, Exp, Con, Empty, list_to_tuple(Segs1)}, Removed).
filter_segs(F, [Seg | Segs], Acc, Removed) ->
    {Bs, R} = filter_buckets(F, tuple_to_list(Seg), [], 0),
    filter_segs(F, Segs, [list_to_tuple(Bs) | Acc], Removed + R);
filter_segs(_, [], Acc, Removed) -> {lists:reverse(Acc), Removed}.
filter_buckets(F, [B | Bs], Acc, Removed) ->
    Kept = [Cell || [K | V] = Cell <- B, F(K, V)],
    filter_buckets(F, Bs, [Kept | Acc], Removed + erlang:length(B) - erlang:length(Kept));
filter_buckets(_, [], Acc, Removed) -> {lists:reverse(Acc), Removed}.

%% The smaller dict is folded into the larger one.
merge(F, D1, D2) when element(2, D1) < element(2, D2) ->
    fold(fun(K, V1, D) -> update(K, fun(V2) -> F(K, V1, V2) end, V1, D) end, D2, D1);
merge(F, D1, D2) ->
    fold(fun(K, V2, D) -> update(K, fun(V1) -> F(K, V1, V2) end, V2, D) end, D1, D2).

%% Key's bucket number, 1..N.
slot({dict, _, N, MaxN, Bso, _, _, _, _}, Key) ->
    H = erlang:phash(Key, MaxN),
    if
        H > N -> H - Bso;
        true -> H
    end;
slot(D, _) -> erlang:error({badrecord, D}).

bucket(D, Key) ->
    Slot = slot(D, Key),
    get_bucket(element(9, D), Slot).

get_bucket(Segs, Slot) ->
    element((Slot - 1) rem ?SEG + 1, element((Slot - 1) div ?SEG + 1, Segs)).

put_bucket(Segs, Slot, B) ->
    SegI = (Slot - 1) div ?SEG + 1,
    Seg = element(SegI, Segs),
    setelement(SegI, Segs, setelement((Slot - 1) rem ?SEG + 1, Seg, B)).

%% Applies Change to Key's bucket, then grows the table if it got too full.
change(D, Key, Change) ->
    Slot = slot(D, Key),
    {dict, Size, N, MaxN, Bso, Exp, Con, Empty, Segs} = D,
    {B, Added} = Change(get_bucket(Segs, Slot)),
    grow({dict, Size, N, MaxN, Bso, Exp, Con, Empty, put_bucket(Segs, Slot, B)}, Added).

grow({dict, Size, N, MaxN, Bso, Exp, Con, Empty, Segs}, Added) when Size + Added > Exp ->
    {MaxN1, Bso1, Segs1} =
        if
            N =:= MaxN -> {2 * MaxN, 2 * Bso, widen(Segs, Empty)};
            true -> {MaxN, Bso, Segs}
        end,
    N1 = N + 1,
    Old = N1 - Bso1,
    {Stay, Move} = split_bucket(get_bucket(Segs1, Old), Old, MaxN1),
    Segs2 = put_bucket(put_bucket(Segs1, Old, Stay), N1, Move),
    {dict, Size + Added, N1, MaxN1, Bso1, N1 * 5, N1 * 3, Empty, Segs2};
grow({dict, Size, N, MaxN, Bso, Exp, Con, Empty, Segs}, Added) ->
    {dict, Size + Added, N, MaxN, Bso, Exp, Con, Empty, Segs}.

%% The cells that stay in bucket Old and those that move to the new bucket,
%% each in their order.
split_bucket([[K | _] = Cell | B], Old, MaxN) ->
    {Stay, Move} = split_bucket(B, Old, MaxN),
    case erlang:phash(K, MaxN) =:= Old of
        true -> {[Cell | Stay], Move};
        false -> {Stay, [Cell | Move]}
    end;
split_bucket([], _, _) -> {[], []}.

widen(Segs, Empty) ->
    list_to_tuple(tuple_to_list(Segs) ++ lists:duplicate(tuple_size(Segs), Empty)).

shrink({dict, Size, N, MaxN, Bso, _, Con, Empty, Segs}, Removed)
  when Size - Removed < Con, N > ?SEG ->
    Low = N - Bso,
    Joined = get_bucket(Segs, Low) ++ get_bucket(Segs, N),
    Segs1 = put_bucket(put_bucket(Segs, Low, Joined), N, []),
    N1 = N - 1,
    if
        N1 =:= Bso ->
            Half = lists:sublist(tuple_to_list(Segs1), tuple_size(Segs1) div 2),
            {dict, Size - Removed, N1, MaxN div 2, Bso div 2, N1 * 5, N1 * 3, Empty,
             list_to_tuple(Half)};
        true ->
            {dict, Size - Removed, N1, MaxN, Bso, N1 * 5, N1 * 3, Empty, Segs1}
    end;
shrink({dict, Size, N, MaxN, Bso, Exp, Con, Empty, Segs}, Removed) ->
    {dict, Size - Removed, N, MaxN, Bso, Exp, Con, Empty, Segs}.
