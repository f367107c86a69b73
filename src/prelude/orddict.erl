%% `orddict`: a dictionary as a list of {Key, Value} pairs sorted by key,
%% keys compared with == as OTP does (storing 1.0 over 1 replaces the pair
%% and keeps the new key). Clauses follow OTP's, so a wrong argument fails
%% with the same reason (mostly function_clause).
-module(orddict).
-export([new/0, is_key/2, to_list/1, from_list/1, size/1, is_empty/1,
         fetch/2, find/2, fetch_keys/1, erase/2, take/2, store/3, append/3,
         append_list/3, update/3, update/4, update_counter/3, fold/3,
         map/2, filter/2, merge/3]).

new() -> [].

is_key(Key, [{K, _} | _]) when Key < K -> false;
is_key(Key, [{K, _} | D]) when Key > K -> is_key(Key, D);
is_key(_, [{_, _} | _]) -> true;
is_key(_, []) -> false.

to_list(D) -> D.

from_list([]) -> [];
from_list([{_, _}] = D) -> D;
from_list(Pairs) -> lists:ukeysort(1, reversed_pairs(Pairs, [])).
reversed_pairs([{_, _} = P | T], Acc) -> reversed_pairs(T, [P | Acc]);
reversed_pairs([], Acc) -> Acc.

size(D) -> erlang:length(D).

is_empty([]) -> true;
is_empty([_ | _]) -> false.

fetch(Key, [{K, _} | D]) when Key > K -> fetch(Key, D);
fetch(Key, [{K, V} | _]) when Key == K -> V.

find(Key, [{K, _} | _]) when Key < K -> error;
find(Key, [{K, _} | D]) when Key > K -> find(Key, D);
find(_, [{_, V} | _]) -> {ok, V};
find(_, []) -> error.

fetch_keys([{K, _} | D]) -> [K | fetch_keys(D)];
fetch_keys([]) -> [].

erase(Key, [{K, _} = E | D]) when Key < K -> [E | D];
erase(Key, [{K, _} = E | D]) when Key > K -> [E | erase(Key, D)];
erase(_, [{_, _} | D]) -> D;
erase(_, []) -> [].

take(Key, D) -> take(Key, D, []).
take(Key, [{K, _} | _], _) when Key < K -> error;
take(Key, [{K, _} = E | D], Acc) when Key > K -> take(Key, D, [E | Acc]);
take(_, [{_, V} | D], Acc) -> {V, lists:reverse(Acc, D)};
take(_, [], _) -> error.

store(Key, V, [{K, _} | _] = D) when Key < K -> [{Key, V} | D];
store(Key, V, [{K, _} = E | D]) when Key > K -> [E | store(Key, V, D)];
store(Key, V, [{_, _} | D]) -> [{Key, V} | D];
store(Key, V, []) -> [{Key, V}].

append(Key, V, [{K, _} | _] = D) when Key < K -> [{Key, [V]} | D];
append(Key, V, [{K, _} = E | D]) when Key > K -> [E | append(Key, V, D)];
append(Key, V, [{_, Old} | D]) -> [{Key, Old ++ [V]} | D];
append(Key, V, []) -> [{Key, [V]}].

append_list(Key, L, [{K, _} | _] = D) when Key < K -> [{Key, L} | D];
append_list(Key, L, [{K, _} = E | D]) when Key > K -> [E | append_list(Key, L, D)];
append_list(Key, L, [{_, Old} | D]) -> [{Key, Old ++ L} | D];
append_list(Key, L, []) -> [{Key, L}].

update(Key, F, [{K, _} = E | D]) when Key > K -> [E | update(Key, F, D)];
update(Key, F, [{K, V} | D]) when Key == K -> [{Key, F(V)} | D].

update(Key, _, Init, [{K, _} | _] = D) when Key < K -> [{Key, Init} | D];
update(Key, F, Init, [{K, _} = E | D]) when Key > K -> [E | update(Key, F, Init, D)];
update(Key, F, _, [{_, V} | D]) -> [{Key, F(V)} | D];
update(Key, _, Init, []) -> [{Key, Init}].

update_counter(Key, N, [{K, _} | _] = D) when Key < K -> [{Key, N} | D];
update_counter(Key, N, [{K, _} = E | D]) when Key > K -> [E | update_counter(Key, N, D)];
update_counter(Key, N, [{_, V} | D]) -> [{Key, V + N} | D];
update_counter(Key, N, []) -> [{Key, N}].

fold(F, Acc, [{K, V} | D]) -> fold(F, F(K, V, Acc), D);
fold(F, Acc, []) when is_function(F, 3) -> Acc.

map(F, [{K, V} | D]) -> [{K, F(K, V)} | map(F, D)];
map(F, []) when is_function(F, 2) -> [].

filter(F, [{K, V} = E | D]) ->
    case F(K, V) of
        true -> [E | filter(F, D)];
        false -> filter(F, D)
    end;
filter(F, []) when is_function(F, 2) -> [].

merge(F, [{K1, _} = E1 | D1], [{K2, _} | _] = D2) when K1 < K2 -> [E1 | merge(F, D1, D2)];
merge(F, [{K1, _} | _] = D1, [{K2, _} = E2 | D2]) when K1 > K2 -> [E2 | merge(F, D1, D2)];
merge(F, [{K1, V1} | D1], [{_, V2} | D2]) -> [{K1, F(K1, V1, V2)} | merge(F, D1, D2)];
merge(F, [], D2) when is_function(F, 3) -> D2;
merge(F, D1, []) when is_function(F, 3) -> D1.
