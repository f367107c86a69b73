%% The higher-order functions of `lists`, in Erlang so that they can call
%% funs. The rest of `lists` is built into pidlab.
-module(lists).
-export([map/2, foldl/3, foldr/3, filter/2, foreach/2, any/2, all/2,
         partition/2, sort/2, flatmap/2, filtermap/2, takewhile/2,
         dropwhile/2, zipwith/3, mapfoldl/3, foldl_pairs/3, splitwith/2,
         keymap/3, search/2, uniq/2,
         keymember/3, keyreplace/4, keytake/3, join/2, droplast/1,
         subtract/2, zip3/3, unzip3/1, zipwith3/4, merge/2, flatten/2,
         prefix/2, suffix/2, mapfoldr/3, uniq/1, usort/2, ukeysort/2]).

%% map runs in constant stack, then reverses what it built: a
%% million-element list would otherwise take a million frames.
%% As in OTP, a function that takes a fun checks it first: a wrong fun is
%% a function_clause even for an empty list.
map(F, L) when is_function(F, 1) -> map(F, L, []).
map(F, [H | T], Acc) -> map(F, T, [F(H) | Acc]);
map(_, [], Acc) -> lists:reverse(Acc).

foldl(F, Acc, L) when is_function(F, 2) -> foldl_(F, Acc, L).
foldl_(F, Acc, [H | T]) -> foldl_(F, F(H, Acc), T);
foldl_(_, Acc, []) -> Acc.

foldr(F, Acc, L) when is_function(F, 2) -> foldr_(F, Acc, L).
foldr_(F, Acc, [H | T]) -> F(H, foldr_(F, Acc, T));
foldr_(_, Acc, []) -> Acc.

filter(P, L) when is_function(P, 1) -> [E || E <- L, P(E)].

foreach(F, L) when is_function(F, 1) -> foreach_(F, L).
foreach_(F, [H | T]) -> F(H), foreach_(F, T);
foreach_(_, []) -> ok.

any(P, L) when is_function(P, 1) -> any_(P, L).
any_(P, [H | T]) ->
    case P(H) of
        true -> true;
        false -> any_(P, T)
    end;
any_(_, []) -> false.

all(P, L) when is_function(P, 1) -> all_(P, L).
all_(P, [H | T]) ->
    case P(H) of
        true -> all_(P, T);
        false -> false
    end;
all_(_, []) -> true.

partition(P, L) when is_function(P, 1) -> partition(P, L, [], []).
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

keymember(K, N, L) -> lists:keyfind(K, N, L) =/= false.

keyreplace(K, N, [H | T], New) when element(N, H) == K -> [New | T];
keyreplace(K, N, [H | T], New) -> [H | keyreplace(K, N, T, New)];
keyreplace(_, _, [], _) -> [].

keytake(K, N, L) -> keytake(K, N, L, []).
keytake(K, N, [H | T], Before) when element(N, H) == K ->
    {value, H, lists:reverse(Before, T)};
keytake(K, N, [H | T], Before) -> keytake(K, N, T, [H | Before]);
keytake(_, _, [], _) -> false.

join(_, []) -> [];
join(Sep, [H | T]) -> [H | join_rest(Sep, T)].
join_rest(Sep, [H | T]) -> [Sep, H | join_rest(Sep, T)];
join_rest(_, []) -> [].

droplast([_]) -> [];
droplast([H | T]) -> [H | droplast(T)].

subtract(A, B) -> A -- B.

zip3([X | Xs], [Y | Ys], [Z | Zs]) -> [{X, Y, Z} | zip3(Xs, Ys, Zs)];
zip3([], [], []) -> [].

unzip3(L) -> unzip3(L, [], [], []).
unzip3([{X, Y, Z} | T], Xs, Ys, Zs) -> unzip3(T, [X | Xs], [Y | Ys], [Z | Zs]);
unzip3([], Xs, Ys, Zs) -> {lists:reverse(Xs), lists:reverse(Ys), lists:reverse(Zs)}.

zipwith3(F, [X | Xs], [Y | Ys], [Z | Zs]) -> [F(X, Y, Z) | zipwith3(F, Xs, Ys, Zs)];
zipwith3(F, [], [], []) when is_function(F, 3) -> [].

merge(Xs, Ys) -> merge2(Xs, Ys, []).
merge2([X | Xs], [Y | _] = Ys, Acc) when X =< Y -> merge2(Xs, Ys, [X | Acc]);
merge2(Xs, [Y | Ys], Acc) when Xs =/= [] -> merge2(Xs, Ys, [Y | Acc]);
merge2([], Ys, Acc) -> lists:reverse(Acc, Ys);
merge2(Xs, [], Acc) -> lists:reverse(Acc, Xs).

flatten(L, Tail) -> lists:flatten(L) ++ Tail.

prefix([X | Xs], [X | Ys]) -> prefix(Xs, Ys);
prefix([], _) -> true;
prefix(_, _) -> false.

suffix(Suffix, L) ->
    D = length(L) - length(Suffix),
    D >= 0 andalso lists:nthtail(D, L) =:= Suffix.

mapfoldr(F, Acc, L) when is_function(F, 2) ->
    {Rs, Acc1} = mapfoldl(F, Acc, lists:reverse(L)),
    {lists:reverse(Rs), Acc1}.

uniq(L) -> uniq(fun(X) -> X end, L).

usort(F, L) when is_function(F, 2) -> dedup(F, sort(F, L)).
dedup(F, [X, Y | T]) ->
    case F(X, Y) andalso F(Y, X) of
        true -> dedup(F, [X | T]);
        false -> [X | dedup(F, [Y | T])]
    end;
dedup(_, L) -> L.

ukeysort(N, L) -> ukeydedup(N, lists:keysort(N, L)).
ukeydedup(N, [X, Y | T]) when element(N, X) == element(N, Y) -> ukeydedup(N, [X | T]);
ukeydedup(N, [X | T]) -> [X | ukeydedup(N, T)];
ukeydedup(_, []) -> [].
