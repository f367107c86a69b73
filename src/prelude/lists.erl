%% The higher-order functions of `lists`, in Erlang so that they can call
%% funs. The rest of `lists` is built into pidlab.
-module(lists).
-export([map/2, foldl/3, foldr/3, filter/2, foreach/2, any/2, all/2,
         partition/2, sort/2, flatmap/2, filtermap/2, takewhile/2,
         dropwhile/2, zipwith/3, mapfoldl/3, foldl_pairs/3, splitwith/2,
         keymap/3, search/2, uniq/2]).

%% map runs in constant stack, then reverses what it built: a
%% million-element list would otherwise take a million frames.
map(F, L) -> map(F, L, []).
map(F, [H | T], Acc) -> map(F, T, [F(H) | Acc]);
map(F, [], Acc) when is_function(F, 1) -> lists:reverse(Acc).

foldl(F, Acc, [H | T]) -> foldl(F, F(H, Acc), T);
foldl(F, Acc, []) when is_function(F, 2) -> Acc.

foldr(F, Acc, [H | T]) -> F(H, foldr(F, Acc, T));
foldr(F, Acc, []) when is_function(F, 2) -> Acc.

filter(P, L) when is_function(P, 1) -> [E || E <- L, P(E)].

foreach(F, [H | T]) -> F(H), foreach(F, T);
foreach(F, []) when is_function(F, 1) -> ok.

any(P, [H | T]) ->
    case P(H) of
        true -> true;
        false -> any(P, T)
    end;
any(P, []) when is_function(P, 1) -> false.

all(P, [H | T]) ->
    case P(H) of
        true -> all(P, T);
        false -> false
    end;
all(P, []) when is_function(P, 1) -> true.

partition(P, L) -> partition(P, L, [], []).
partition(P, [H | T], Yes, No) ->
    case P(H) of
        true -> partition(P, T, [H | Yes], No);
        false -> partition(P, T, Yes, [H | No])
    end;
partition(P, [], Yes, No) when is_function(P, 1) -> {reverse(Yes), reverse(No)}.

reverse(L) -> lists:reverse(L).

sort(F, L) when is_function(F, 2) -> msort(F, L).
msort(_, []) -> [];
msort(_, [X]) -> [X];
msort(F, L) ->
    {A, B} = lists:split(length(L) div 2, L),
    merge(F, msort(F, A), msort(F, B), []).
merge(F, [X | Xs], [Y | Ys], Acc) ->
    case F(X, Y) of
        true -> merge(F, Xs, [Y | Ys], [X | Acc]);
        false -> merge(F, [X | Xs], Ys, [Y | Acc])
    end;
merge(_, [], Ys, Acc) -> lists:reverse(Acc, Ys);
merge(_, Xs, [], Acc) -> lists:reverse(Acc, Xs).

flatmap(F, [H | T]) -> F(H) ++ flatmap(F, T);
flatmap(F, []) when is_function(F, 1) -> [].

filtermap(F, [H | T]) ->
    case F(H) of
        false -> filtermap(F, T);
        true -> [H | filtermap(F, T)];
        {true, V} -> [V | filtermap(F, T)]
    end;
filtermap(F, []) when is_function(F, 1) -> [].

takewhile(P, [H | T]) ->
    case P(H) of
        true -> [H | takewhile(P, T)];
        false -> []
    end;
takewhile(P, []) when is_function(P, 1) -> [].

dropwhile(P, [H | T] = L) ->
    case P(H) of
        true -> dropwhile(P, T);
        false -> L
    end;
dropwhile(P, []) when is_function(P, 1) -> [].

splitwith(P, L) -> {takewhile(P, L), dropwhile(P, L)}.

zipwith(F, [X | Xs], [Y | Ys]) -> [F(X, Y) | zipwith(F, Xs, Ys)];
zipwith(F, [], []) when is_function(F, 2) -> [].

mapfoldl(F, Acc, [H | T]) ->
    {R, Acc1} = F(H, Acc),
    {Rs, Acc2} = mapfoldl(F, Acc1, T),
    {[R | Rs], Acc2};
mapfoldl(F, Acc, []) when is_function(F, 2) -> {[], Acc}.

foldl_pairs(F, Acc, L) -> foldl(fun({K, V}, A) -> F(K, V, A) end, Acc, L).

keymap(F, N, [H | T]) -> [setelement(N, H, F(element(N, H))) | keymap(F, N, T)];
keymap(F, _, []) when is_function(F, 1) -> [].

search(P, [H | T]) ->
    case P(H) of
        true -> {value, H};
        false -> search(P, T)
    end;
search(P, []) when is_function(P, 1) -> false.

uniq(F, L) -> uniq(F, L, #{}).
uniq(F, [H | T], Seen) ->
    K = F(H),
    case Seen of
        #{K := _} -> uniq(F, T, Seen);
        _ -> [H | uniq(F, T, Seen#{K => true})]
    end;
uniq(_, [], _) -> [].
