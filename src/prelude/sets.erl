%% `sets`, kept as OTP's version 2 sets are: a map from each element to [].
-module(sets).
-export([new/0, new/1, from_list/1, from_list/2, to_list/1, is_set/1,
         size/1, is_empty/1, is_element/2, add_element/2, del_element/2,
         union/1, union/2, intersection/1, intersection/2, subtract/2,
         is_subset/2, is_disjoint/2, fold/3, filter/2, map/2]).

new() -> #{}.
new(_Options) -> #{}.
from_list(L) -> maps:from_list([{E, []} || E <- L]).
from_list(L, _Options) -> from_list(L).
to_list(S) -> maps:keys(S).
is_set(S) -> is_map(S).
size(S) -> maps:size(S).
is_empty(S) -> maps:size(S) =:= 0.
is_element(E, S) -> maps:is_key(E, S).
add_element(E, S) -> S#{E => []}.
del_element(E, S) -> maps:remove(E, S).
union(Ss) -> lists:foldl(fun union/2, #{}, Ss).
union(A, B) -> maps:merge(A, B).
intersection([S | Ss]) -> lists:foldl(fun intersection/2, S, Ss).
intersection(A, B) -> maps:filter(fun(K, _) -> maps:is_key(K, B) end, A).
subtract(A, B) -> maps:filter(fun(K, _) -> not maps:is_key(K, B) end, A).
is_subset(A, B) -> maps:size(subtract(A, B)) =:= 0.
is_disjoint(A, B) -> maps:size(intersection(A, B)) =:= 0.
fold(F, Acc, S) -> lists:foldl(F, Acc, maps:keys(S)).
filter(P, S) -> maps:filter(fun(K, _) -> P(K) end, S).
map(F, S) -> from_list([F(E) || E <- maps:keys(S)]).
