%% The higher-order functions of `lists`, in Erlang so that they can call
%% funs, and the merges. The rest of `lists` is built into pidlab.
-module(lists).
-export([map/2, foldl/3, foldr/3, filter/2, foreach/2, any/2, all/2,
         partition/2, sort/2, flatmap/2, filtermap/2, takewhile/2,
         dropwhile/2, zipwith/3, mapfoldl/3, foldl_pairs/3, splitwith/2,
         keymap/3, search/2, uniq/2,
         keyreplace/4, keytake/3, join/2, droplast/1,
         subtract/2, zip3/3, unzip3/1, zipwith3/4, merge/2, flatten/2,
         prefix/2, suffix/2, mapfoldr/3, uniq/1, usort/2, merge/3, rmerge/3,
         flatlength/1, zf/2, merge/1, merge3/3, rmerge/2, rmerge3/3, umerge/1,
         umerge/2, umerge/3, umerge3/3, rumerge/2, rumerge/3, rumerge3/3,
         keymerge/3, rkeymerge/3, ukeymerge/3, rukeymerge/3]).

%% map runs in constant stack, then reverses what it built: a
%% million-element list would otherwise take a million frames.
%% As in OTP, a function that takes a fun checks it first: a wrong fun is
%% a function_clause even for an empty list.
map(F, L) when is_function(F, 1) -> map(F, L, []).
map(F, [H | T], Acc) -> map(F, T, [F(H) | Acc]);
map(_, [], Acc) -> lists:reverse(Acc).

%% As OTP 25: a first argument that is no list is a case_clause.
foldl(F, Acc, L) when is_function(F, 2) ->
    case L of
        [H | T] -> foldl_(F, F(H, Acc), T);
        [] -> Acc
    end.
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

%% sort/2 takes OTP's steps, so that a fun that is no total order (say
%% fun(A, B) -> A < B end) gives erl's result from the same calls. A
%% scan cuts the list into runs: `up` keeps an ascending run, with Top
%% and Next its two largest elements and Low the rest, largest first; a
%% new element goes above Top or between Top and Next, or below a run of
%% two; otherwise it waits in Aside, and a second such element ends the
%% run. `down` is the same for a descending start. Then the runs are
%% merged pairwise, each pass building its results in the other
%% direction, until one is left.
sort(F, []) when is_function(F, 2) -> [];
sort(F, [_] = L) when is_function(F, 2) -> L;
sort(F, [A, B | T]) ->
    case F(A, B) of
        true -> up(B, A, F, T, [], []);
        false -> down(B, A, F, T, [], [])
    end.

up(Top, Next, F, [Z | L], Low, Runs) ->
    case F(Top, Z) of
        true -> up(Z, Top, F, L, [Next | Low], Runs);
        false ->
            case F(Next, Z) of
                true -> up(Top, Z, F, L, [Next | Low], Runs);
                false when Low == [] -> up(Top, Next, F, L, [Z], Runs);
                false -> up_aside(Top, Next, F, L, Low, Runs, Z)
            end
    end;
up(Top, Next, F, [], Low, Runs) ->
    pass_desc([[Top, Next | Low] | Runs], [], F, asc).

up_aside(Top, Next, F, [Z | L], Low, Runs, Aside) ->
    case F(Top, Z) of
        true -> up_aside(Z, Top, F, L, [Next | Low], Runs, Aside);
        false ->
            case F(Next, Z) of
                true -> up_aside(Top, Z, F, L, [Next | Low], Runs, Aside);
                false ->
                    Done = [[Top, Next | Low] | Runs],
                    case F(Aside, Z) of
                        true -> up(Z, Aside, F, L, [], Done);
                        false -> up(Aside, Z, F, L, [], Done)
                    end
            end
    end;
up_aside(Top, Next, F, [], Low, Runs, Aside) ->
    pass_desc([[Aside], [Top, Next | Low] | Runs], [], F, asc).

down(Top, Next, F, [Z | L], Low, Runs) ->
    case F(Top, Z) of
        false -> down(Z, Top, F, L, [Next | Low], Runs);
        true ->
            case F(Next, Z) of
                false -> down(Top, Z, F, L, [Next | Low], Runs);
                true when Low == [] -> down(Top, Next, F, L, [Z], Runs);
                true -> down_aside(Top, Next, F, L, Low, Runs, Z)
            end
    end;
down(Top, Next, F, [], Low, Runs) ->
    pass_asc([[Top, Next | Low] | Runs], [], F, desc).

down_aside(Top, Next, F, [Z | L], Low, Runs, Aside) ->
    case F(Top, Z) of
        false -> down_aside(Z, Top, F, L, [Next | Low], Runs, Aside);
        true ->
            case F(Next, Z) of
                false -> down_aside(Top, Z, F, L, [Next | Low], Runs, Aside);
                true ->
                    Done = [[Top, Next | Low] | Runs],
                    case F(Aside, Z) of
                        false -> down(Z, Aside, F, L, [], Done);
                        true -> down(Aside, Z, F, L, [], Done)
                    end
            end
    end;
down_aside(Top, Next, F, [], Low, Runs, Aside) ->
    pass_asc([[Aside], [Top, Next | Low] | Runs], [], F, desc).

%% A pass over ascending runs, merging neighbours into descending ones
%% (Order says which of a pair came first in the input).
pass_asc([A, [B | Bs] | Rest], Acc, F, asc) ->
    pass_asc(Rest, [fmerge(A, B, F, Bs, []) | Acc], F, asc);
pass_asc([[B | Bs], A | Rest], Acc, F, desc) ->
    pass_asc(Rest, [fmerge(A, B, F, Bs, []) | Acc], F, desc);
pass_asc([Run], [], _, _) -> Run;
pass_asc([Run], Acc, F, Order) -> pass_desc([lists:reverse(Run) | Acc], [], F, Order);
pass_asc([], Acc, F, Order) -> pass_desc(Acc, [], F, Order).

pass_desc([[B | Bs], A | Rest], Acc, F, asc) ->
    pass_desc(Rest, [rfmerge(A, B, F, Bs, []) | Acc], F, asc);
pass_desc([A, [B | Bs] | Rest], Acc, F, desc) ->
    pass_desc(Rest, [rfmerge(A, B, F, Bs, []) | Acc], F, desc);
pass_desc([Run], Acc, F, Order) -> pass_asc([lists:reverse(Run) | Acc], [], F, Order);
pass_desc([], Acc, F, Order) -> pass_asc(Acc, [], F, Order).

%% Merges ascending Xs with ascending [Y | Ys], taking X while F(X, Y);
%% the result comes out reversed onto Acc.
fmerge([X | Xs], Y, F, Ys, Acc) ->
    case F(X, Y) of
        true -> fmerge(Xs, Y, F, Ys, [X | Acc]);
        false -> fmerge_y(X, Xs, F, Ys, [Y | Acc])
    end;
fmerge([], Y, _, Ys, Acc) -> lists:reverse(Ys, [Y | Acc]).

fmerge_y(X, Xs, F, [Y | Ys], Acc) ->
    case F(X, Y) of
        true -> fmerge(Xs, Y, F, Ys, [X | Acc]);
        false -> fmerge_y(X, Xs, F, Ys, [Y | Acc])
    end;
fmerge_y(X, Xs, _, [], Acc) -> lists:reverse(Xs, [X | Acc]).

%% The same for descending lists, taking Y while F(X, Y).
rfmerge([X | Xs], Y, F, Ys, Acc) ->
    case F(X, Y) of
        true -> rfmerge_y(X, Xs, F, Ys, [Y | Acc]);
        false -> rfmerge(Xs, Y, F, Ys, [X | Acc])
    end;
rfmerge([], Y, _, Ys, Acc) -> lists:reverse(Ys, [Y | Acc]).

rfmerge_y(X, Xs, F, [Y | Ys], Acc) ->
    case F(X, Y) of
        true -> rfmerge_y(X, Xs, F, Ys, [Y | Acc]);
        false -> rfmerge(Xs, Y, F, Ys, [X | Acc])
    end;
rfmerge_y(X, Xs, _, [], Acc) -> lists:reverse(Xs, [X | Acc]).

merge(F, Xs, [Y | Ys]) when is_function(F, 2) ->
    lists:reverse(fmerge(Xs, Y, F, Ys, []));
merge(F, Xs, []) when is_function(F, 2) -> Xs.

rmerge(F, Xs, [Y | Ys]) when is_function(F, 2) ->
    lists:reverse(rfmerge(Xs, Y, F, Ys, []));
rmerge(F, Xs, []) when is_function(F, 2) -> Xs.

flatmap(F, L) when is_function(F, 1) -> flatmap_(F, L).
flatmap_(F, [H | T]) -> F(H) ++ flatmap_(F, T);
flatmap_(_, []) -> [].

filtermap(F, L) when is_function(F, 1) -> filtermap_(F, L).
filtermap_(F, [H | T]) ->
    case F(H) of
        false -> filtermap_(F, T);
        true -> [H | filtermap_(F, T)];
        {true, V} -> [V | filtermap_(F, T)]
    end;
filtermap_(_, []) -> [].

zf(F, L) -> filtermap(F, L).

takewhile(P, L) when is_function(P, 1) -> takewhile_(P, L).
takewhile_(P, [H | T]) ->
    case P(H) of
        true -> [H | takewhile_(P, T)];
        false -> []
    end;
takewhile_(_, []) -> [].

dropwhile(P, L) when is_function(P, 1) -> dropwhile_(P, L).
dropwhile_(P, [H | T] = L) ->
    case P(H) of
        true -> dropwhile_(P, T);
        false -> L
    end;
dropwhile_(_, []) -> [].

splitwith(P, L) when is_function(P, 1) -> splitwith_(P, L, []).
splitwith_(P, [H | T], Taken) ->
    case P(H) of
        true -> splitwith_(P, T, [H | Taken]);
        false -> {reverse(Taken), [H | T]}
    end;
splitwith_(_, [], Taken) -> {reverse(Taken), []}.

zipwith(F, [X | Xs], [Y | Ys]) -> [F(X, Y) | zipwith(F, Xs, Ys)];
zipwith(F, [], []) when is_function(F, 2) -> [].

mapfoldl(F, Acc, L) when is_function(F, 2) -> mapfoldl_(F, Acc, L).
mapfoldl_(F, Acc, [H | T]) ->
    {R, Acc1} = F(H, Acc),
    {Rs, Acc2} = mapfoldl_(F, Acc1, T),
    {[R | Rs], Acc2};
mapfoldl_(_, Acc, []) -> {[], Acc}.

foldl_pairs(F, Acc, L) -> foldl(fun({K, V}, A) -> F(K, V, A) end, Acc, L).

keymap(F, N, [H | T]) -> [setelement(N, H, F(element(N, H))) | keymap(F, N, T)];
keymap(F, N, []) when is_integer(N), N >= 1, is_function(F, 1) -> [].

search(P, L) when is_function(P, 1) -> search_(P, L).
search_(P, [H | T]) ->
    case P(H) of
        true -> {value, H};
        false -> search_(P, T)
    end;
search_(_, []) -> false.

uniq(F, L) when is_function(F, 1) -> uniq(F, L, #{}).
uniq(F, [H | T], Seen) ->
    K = F(H),
    case Seen of
        #{K := _} -> uniq(F, T, Seen);
        _ -> [H | uniq(F, T, Seen#{K => true})]
    end;
uniq(_, [], _) -> [].

keyreplace(K, N, L, New) when is_integer(N), N > 0, is_tuple(New) ->
    keyreplace_(K, N, L, New).
keyreplace_(K, N, [H | T], New) when element(N, H) == K -> [New | T];
keyreplace_(K, N, [H | T], New) -> [H | keyreplace_(K, N, T, New)];
keyreplace_(_, _, [], _) -> [].

keytake(K, N, L) when is_integer(N), N > 0 -> keytake(K, N, L, []).
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

%% merge/2: on a tie the element of Xs comes first. Walks Ys only as far
%% as needed, as OTP's does, so merge(a, []) is a.
merge(Xs, []) -> Xs;
merge(Xs, [Y | Ys]) -> lists:reverse(merge_x(Xs, Y, Ys, [])).
merge_x([X | Xs], Y, Ys, Acc) when X =< Y -> merge_x(Xs, Y, Ys, [X | Acc]);
merge_x([X | Xs], Y, Ys, Acc) -> merge_y(X, Xs, Ys, [Y | Acc]);
merge_x([], Y, Ys, Acc) -> lists:reverse(Ys, [Y | Acc]).
merge_y(X, Xs, [Y | Ys], Acc) when X =< Y -> merge_x(Xs, Y, Ys, [X | Acc]);
merge_y(X, Xs, [Y | Ys], Acc) -> merge_y(X, Xs, Ys, [Y | Acc]);
merge_y(X, Xs, [], Acc) -> lists:reverse(Xs, [X | Acc]).

flatten(L, Tail) when is_list(L), is_list(Tail) -> lists:flatten(L) ++ Tail.

flatlength(L) -> flatlength(L, 0).
flatlength([H | T], N) when is_list(H) -> flatlength(H, flatlength(T, N));
flatlength([_ | T], N) -> flatlength(T, N + 1);
flatlength([], N) -> N.

prefix([X | Xs], [X | Ys]) -> prefix(Xs, Ys);
prefix([], L) when is_list(L) -> true;
prefix([_ | _], L) when is_list(L) -> false.

suffix(Suffix, L) ->
    D = length(L) - length(Suffix),
    D >= 0 andalso lists:nthtail(D, L) =:= Suffix.

mapfoldr(F, Acc, L) when is_function(F, 2) -> mapfoldr_(F, Acc, L).
mapfoldr_(F, Acc, [H | T]) ->
    {Rs, Acc1} = mapfoldr_(F, Acc, T),
    {R, Acc2} = F(H, Acc1),
    {[R | Rs], Acc2};
mapfoldr_(_, Acc, []) -> {[], Acc}.

uniq(L) -> uniq(fun(X) -> X end, L).

usort(F, L) when is_function(F, 2) -> dedup(F, sort(F, L)).
dedup(F, [X, Y | T]) ->
    case F(X, Y) andalso F(Y, X) of
        true -> dedup(F, [X | T]);
        false -> [X | dedup(F, [Y | T])]
    end;
dedup(_, L) -> L.


%% The rest of the merge family. Two-list merges walk as OTP's do, so even
%% unsorted lists merge as in erl; merges of three and more lists give
%% OTP's result for sorted lists (on a tie the earlier list's element comes
%% first, or last for the r- merges of descending lists).
le(A, B) -> A =< B.

rmerge(Xs, [Y | Ys]) -> lists:reverse(rfmerge(Xs, Y, fun le/2, Ys, []));
rmerge(Xs, []) -> Xs.

merge3(Xs, [], Zs) -> merge(Xs, Zs);
merge3(Xs, Ys, []) -> merge(Xs, Ys);
merge3(Xs, [_ | _] = Ys, [_ | _] = Zs) -> merge(Xs, merge(Ys, Zs)).

rmerge3(Xs, [], Zs) -> rmerge(Xs, Zs);
rmerge3(Xs, Ys, []) -> rmerge(Xs, Ys);
rmerge3(Xs, [_ | _] = Ys, [_ | _] = Zs) -> rmerge(Xs, rmerge(Ys, Zs)).

umerge3(Xs, [], Zs) -> umerge(Xs, Zs);
umerge3(Xs, Ys, []) -> umerge(Xs, Ys);
umerge3(Xs, [_ | _] = Ys, [_ | _] = Zs) -> umerge(Xs, umerge(Ys, Zs)).

rumerge3(Xs, [], Zs) -> rumerge(Xs, Zs);
rumerge3(Xs, Ys, []) -> rumerge(Xs, Ys);
rumerge3(Xs, [_ | _] = Ys, [_ | _] = Zs) -> rumerge(Xs, rumerge(Ys, Zs)).

%% merge/1 and umerge/1 merge the lists three at a time from the left, then
%% the merged groups; empty lists are skipped, a last lone list must be a
%% proper list (badarg), and anything else malformed is function_clause.
merge(Ls) -> merge_groups(Ls, [], fun merge/2, fun merge3/3).
umerge(Ls) -> merge_groups(Ls, [], fun umerge/2, fun umerge3/3).
merge_groups([[] | Ls], Acc, M2, M3) -> merge_groups(Ls, Acc, M2, M3);
merge_groups([A, [_ | _] = B, [_ | _] = C | Ls], Acc, M2, M3) ->
    merge_groups(Ls, [M3(A, B, C) | Acc], M2, M3);
merge_groups([A, [_ | _] = B], Acc, M2, _) -> merge_down([M2(A, B) | Acc], M2);
merge_groups([A], [], _, _) -> A;
merge_groups([A], Acc, M2, _) ->
    _ = erlang:length(A),
    merge_down([A | Acc], M2);
merge_groups([], Acc, M2, _) -> merge_down(Acc, M2);
merge_groups([A, [] | Ls], Acc, M2, M3) -> merge_groups([A | Ls], Acc, M2, M3);
merge_groups([A, B, [] | Ls], Acc, M2, M3) -> merge_groups([A, B | Ls], Acc, M2, M3).
%% Groups are in reverse order: each merges in before the later ones.
merge_down(Groups, M2) -> lists:foldl(fun(G, R) -> M2(G, R) end, [], Groups).

umerge([], Ys) -> Ys;
umerge([X | Xs], Ys) -> lists:reverse(ufmerge_y(X, Xs, fun le/2, Ys, [])).
umerge(F, [], Ys) when is_function(F, 2) -> Ys;
umerge(F, [X | Xs], Ys) when is_function(F, 2) ->
    lists:reverse(ufmerge_y(X, Xs, F, Ys, [])).

rumerge(Xs, []) -> Xs;
rumerge(Xs, [Y | Ys]) -> lists:reverse(rufmerge_x(Xs, Y, fun le/2, Ys, [])).
rumerge(F, Xs, []) when is_function(F, 2) -> Xs;
rumerge(F, Xs, [Y | Ys]) when is_function(F, 2) ->
    lists:reverse(rufmerge_x(Xs, Y, F, Ys, [])).

%% The key of the first element of the list walked first is read before
%% anything else, as in OTP (badarg even if the other list is empty).
keymerge(N, Xs, Ys) when is_integer(N), N > 0 ->
    case Ys of
        [] -> Xs;
        [Y | Ys1] ->
            _ = element(N, Y),
            lists:reverse(fmerge(Xs, Y, key_le(N), Ys1, []))
    end.
rkeymerge(N, Xs, Ys) when is_integer(N), N > 0 ->
    case Ys of
        [] -> Xs;
        [Y | Ys1] ->
            _ = element(N, Y),
            lists:reverse(rfmerge(Xs, Y, key_le(N), Ys1, []))
    end.
ukeymerge(N, Xs, Ys) when is_integer(N), N > 0 ->
    case Xs of
        [] -> Ys;
        [X | Xs1] ->
            _ = element(N, X),
            lists:reverse(ufmerge_y(X, Xs1, key_le(N), Ys, []))
    end.
rukeymerge(N, Xs, Ys) when is_integer(N), N > 0 ->
    case Ys of
        [] -> Xs;
        [Y | Ys1] ->
            _ = element(N, Y),
            lists:reverse(rufmerge_x(Xs, Y, key_le(N), Ys1, []))
    end.
key_le(N) -> fun(A, B) -> element(N, A) =< element(N, B) end.

%% The unique merge of ascending lists, reversed onto Acc. An element of Xs
%% goes first while F(X, Y); Last is {x, X} after an element of Xs went, and
%% the next element of Ys to go is dropped if F(Y, X) (it equals X).
ufmerge([X | Xs], Y, F, Ys, Acc, Last) ->
    case F(X, Y) of
        true -> ufmerge(Xs, Y, F, Ys, [X | Acc], {x, X});
        false -> ufmerge_y(X, Xs, F, Ys, take_y(Y, F, Acc, Last))
    end;
ufmerge([], Y, F, Ys, Acc, Last) -> lists:reverse(Ys, take_y(Y, F, Acc, Last)).
%% X waits while the elements of Ys go.
ufmerge_y(X, Xs, F, [Y | Ys], Acc) ->
    case F(X, Y) of
        true -> ufmerge(Xs, Y, F, Ys, [X | Acc], {x, X});
        false -> ufmerge_y(X, Xs, F, Ys, [Y | Acc])
    end;
ufmerge_y(X, Xs, _, [], Acc) -> lists:reverse(Xs, [X | Acc]).
take_y(Y, F, Acc, {x, X}) ->
    case F(Y, X) of
        true -> Acc;
        false -> [Y | Acc]
    end;
take_y(Y, _, Acc, none) -> [Y | Acc].

%% The unique merge of descending lists, reversed onto Acc. An element of
%% Ys goes first while F(X, Y); when X goes right after an element L of
%% Ys and F(L, X) (they are equal), X takes L's place.
rufmerge_x([X | Xs], Y, F, Ys, Acc) -> rufmerge(X, Xs, Y, F, Ys, Acc, none);
rufmerge_x([], Y, _, Ys, Acc) -> lists:reverse(Ys, [Y | Acc]).
rufmerge(X, Xs, Y, F, Ys, Acc, Last) ->
    case F(X, Y) of
        true -> rufmerge_y(X, Xs, F, Ys, [Y | Acc], Y);
        false -> rufmerge_x(Xs, Y, F, Ys, take_x(X, F, Acc, Last))
    end.
rufmerge_y(X, Xs, F, [Y | Ys], Acc, L) -> rufmerge(X, Xs, Y, F, Ys, Acc, {y, L});
rufmerge_y(X, Xs, F, [], Acc, L) -> lists:reverse(Xs, take_x(X, F, Acc, {y, L})).
take_x(X, F, [L | Acc] = Acc0, {y, L}) ->
    case F(L, X) of
        true -> [X | Acc];
        false -> [X | Acc0]
    end;
take_x(X, _, Acc, none) -> [X | Acc].
