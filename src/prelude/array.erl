%% `array`: functional arrays in OTP's representation, so printed arrays
%% match erl's: {array, Size, Max, Default, Tree}, where Max is 0 for a fixed
%% array and otherwise the capacity of the tree. A leaf is a tuple of 10
%% entries; a node is a tuple of 10 subtrees and, last, the capacity of each
%% subtree; a subtree never written is that capacity as an integer.
-module(array).
-export([new/0, new/1, new/2, is_array/1, size/1, default/1, get/2, set/3,
         reset/2, from_list/1, from_list/2, to_list/1, fix/1, relax/1,
         is_fix/1, foldl/3, foldr/3]).

-define(LEAF, 10).

new() -> new([]).
new(Options) -> new_from(Options, 0, false, undefined).
new(Size, Options) -> new_from([{size, Size} | opts(Options)], 0, false, undefined).

opts(L) when is_list(L) -> L;
opts(Opt) -> [Opt].

new_from([{size, N} | Os], _, _, D) when is_integer(N), N >= 0 -> new_from(Os, N, true, D);
new_from([N | Os], _, _, D) when is_integer(N), N >= 0 -> new_from(Os, N, true, D);
new_from([fixed | Os], N, _, D) -> new_from(Os, N, true, D);
new_from([{fixed, F} | Os], N, _, D) when is_boolean(F) -> new_from(Os, N, F, D);
new_from([{default, D} | Os], N, F, _) -> new_from(Os, N, F, D);
new_from([], N, F, D) ->
    Cap = capacity(N - 1, ?LEAF),
    Max = case F of true -> 0; false -> Cap end,
    {array, N, Max, D, Cap};
new_from(Opt, N, F, D) when not is_list(Opt) -> new_from([Opt], N, F, D);
new_from(_, _, _, _) -> erlang:error(badarg).

%% The capacity a tree needs to hold index I: a power of ten, at least 10.
capacity(I, M) when I < M -> M;
capacity(I, M) -> capacity(I, M * ?LEAF).

is_array({array, Size, Max, _, _}) when is_integer(Size), is_integer(Max) -> true;
is_array(_) -> false.

size({array, Size, _, _, _}) -> Size;
size(_) -> erlang:error(badarg).

default({array, _, _, D, _}) -> D;
default(_) -> erlang:error(badarg).

is_fix({array, _, 0, _, _}) -> true;
is_fix({array, _, _, _, _}) -> false;
is_fix(_) -> erlang:error(badarg).

fix({array, _, _, _, _} = A) -> setelement(3, A, 0);
fix(_) -> erlang:error(badarg).

relax({array, Size, _, _, _} = A) -> setelement(3, A, capacity(Size - 1, ?LEAF));
relax(_) -> erlang:error(badarg).

get(I, {array, Size, Max, D, T}) when is_integer(I), I >= 0 ->
    if
        I < Size -> get_in(I, T, D);
        Max > 0 -> D;
        true -> erlang:error(badarg)
    end;
get(_, _) -> erlang:error(badarg).

get_in(_, T, D) when is_integer(T) -> D;
get_in(I, T, _) when tuple_size(T) =:= ?LEAF -> element(I + 1, T);
get_in(I, T, D) ->
    S = element(?LEAF + 1, T),
    get_in(I rem S, element(I div S + 1, T), D).

set(I, V, {array, Size, Max, D, T}) when is_integer(I), I >= 0 ->
    if
        I < Size -> {array, Size, Max, D, set_in(I, T, V, D)};
        Max =:= 0 -> erlang:error(badarg);
        I < Max -> {array, I + 1, Max, D, set_in(I, T, V, D)};
        true ->
            {T1, Max1} = grow(I, T, Max),
            {array, I + 1, Max1, D, set_in(I, T1, V, D)}
    end;
set(_, _, _) -> erlang:error(badarg).

set_in(I, T, V, D) when is_integer(T) -> set_in(I, expand(T, D), V, D);
set_in(I, T, V, _) when tuple_size(T) =:= ?LEAF -> setelement(I + 1, T, V);
set_in(I, T, V, D) ->
    S = element(?LEAF + 1, T),
    C = I div S + 1,
    setelement(C, T, set_in(I rem S, element(C, T), V, D)).

expand(?LEAF, D) -> erlang:make_tuple(?LEAF, D);
expand(M, _) -> erlang:make_tuple(?LEAF + 1, M div ?LEAF).

%% A tree of capacity Max grows tenfold, its old root the first subtree,
%% until it can hold index I.
grow(I, T, Max) when I < Max -> {T, Max};
grow(I, T, Max) when is_integer(T) -> grow(I, Max * ?LEAF, Max * ?LEAF);
grow(I, T, Max) -> grow(I, setelement(1, erlang:make_tuple(?LEAF + 1, Max), T), Max * ?LEAF).

reset(I, {array, Size, Max, D, T} = A) when is_integer(I), I >= 0 ->
    if
        I < Size -> {array, Size, Max, D, set_in(I, T, D, D)};
        Max =:= 0 -> erlang:error(badarg);
        true -> A
    end;
reset(_, _) -> erlang:error(badarg).

from_list(L) -> from_list(L, undefined).
from_list(L, D) when is_list(L) ->
    N = try erlang:length(L) catch error:badarg -> erlang:error(badarg) end,
    case N of
        0 -> new([{default, D}]);
        _ ->
            {T, Cap} = build(leaves(L, D), ?LEAF),
            {array, N, Cap, D, T}
    end;
from_list(_, _) -> erlang:error(badarg).

leaves([], _) -> [];
leaves(L, D) ->
    {Leaf, Rest} = take(?LEAF, L, D, []),
    [list_to_tuple(Leaf) | leaves(Rest, D)].

%% The first N elements of L, padded with Fill; and the rest.
take(0, L, _, Acc) -> {lists:reverse(Acc), L};
take(N, [X | L], Fill, Acc) -> take(N - 1, L, Fill, [X | Acc]);
take(N, [], Fill, Acc) -> take(N - 1, [], Fill, [Fill | Acc]).

%% Subtrees of capacity S, grouped ten to a node until one is left.
build([T], S) -> {T, S};
build(Ts, S) -> build(group(Ts, S), S * ?LEAF).
group([], _) -> [];
group(Ts, S) ->
    {Node, Rest} = take(?LEAF, Ts, S, []),
    [list_to_tuple(Node ++ [S]) | group(Rest, S)].

to_list({array, Size, _, D, T}) -> lists:sublist(flat(T, D, []), Size);
to_list(_) -> erlang:error(badarg).

%% The entries of tree T in order, before Acc.
flat(T, D, Acc) when is_integer(T) -> lists:duplicate(T, D) ++ Acc;
flat(T, _, Acc) when tuple_size(T) =:= ?LEAF -> tuple_to_list(T) ++ Acc;
flat(T, D, Acc) ->
    lists:foldr(fun(C, A) -> flat(C, D, A) end, Acc,
                lists:sublist(tuple_to_list(T), ?LEAF)).

foldl(F, Acc, {array, _, _, _, _} = A) when is_function(F, 3) ->
    {_, R} = lists:foldl(fun(V, {I, Ac}) -> {I + 1, F(I, V, Ac)} end, {0, Acc}, to_list(A)),
    R;
foldl(_, _, _) -> erlang:error(badarg).

foldr(F, Acc, {array, Size, _, _, _} = A) when is_function(F, 3) ->
    {_, R} = lists:foldr(fun(V, {I, Ac}) -> {I - 1, F(I, V, Ac)} end, {Size - 1, Acc}, to_list(A)),
    R;
foldr(_, _, _) -> erlang:error(badarg).
