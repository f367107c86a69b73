%% `ordsets`: sets as sorted lists without duplicates.
-module(ordsets).
-export([new/0, from_list/1, to_list/1, is_set/1, size/1, is_empty/1,
         is_element/2, add_element/2, del_element/2, union/1, union/2,
         intersection/1, intersection/2, subtract/2, is_subset/2,
         is_disjoint/2, fold/3, filter/2, map/2]).

new() -> [].
from_list(L) -> lists:usort(L).
to_list(S) -> S.
is_set(S) when is_list(S) -> S =:= lists:usort(S);
is_set(_) -> false.
size(S) -> length(S).
is_empty(S) -> S =:= [].

is_element(E, [H | _]) when E < H -> false;
is_element(E, [H | _]) when E == H -> true;
is_element(E, [_ | T]) -> is_element(E, T);
is_element(_, []) -> false.

add_element(E, S) -> union([E], S).
del_element(E, [H | T]) when E < H -> [H | T];
del_element(E, [H | T]) when E == H -> T;
del_element(E, [H | T]) -> [H | del_element(E, T)];
del_element(_, []) -> [].

union(Ss) -> lists:foldl(fun union/2, [], Ss).
%% Of two equal elements, the second set's is kept.
union([A | As], [B | _] = Bs) when A < B -> [A | union(As, Bs)];
union([A | As], [B | Bs]) when A == B -> [B | union(As, Bs)];
union(As, [B | Bs]) -> [B | union(As, Bs)];
union([], Bs) -> Bs;
union(As, []) -> As.

intersection([S | Ss]) -> lists:foldl(fun intersection/2, S, Ss).
intersection([A | As], [B | _] = Bs) when A < B -> intersection(As, Bs);
intersection([A | As], [B | Bs]) when A == B -> [A | intersection(As, Bs)];
intersection([_ | _] = As, [_ | Bs]) -> intersection(As, Bs);
intersection(_, _) -> [].

subtract([A | As], [B | _] = Bs) when A < B -> [A | subtract(As, Bs)];
subtract([A | As], [B | Bs]) when A == B -> subtract(As, Bs);
subtract([_ | _] = As, [_ | Bs]) -> subtract(As, Bs);
subtract(As, _) -> As.

is_subset(A, B) -> subtract(A, B) =:= [].
is_disjoint(A, B) -> intersection(A, B) =:= [].

fold(F, Acc, S) -> lists:foldl(F, Acc, S).
filter(P, S) -> lists:filter(P, S).
map(F, S) -> lists:usort(lists:map(F, S)).
