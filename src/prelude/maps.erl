%% The higher-order functions of `maps`, in Erlang so that they can call
%% funs. The rest of `maps` is built into pidlab.
-module(maps).
-export([fold/3, map/2, filter/2, foreach/2, filtermap/2,
         update_with/3, update_with/4, with/2, without/2, take/2,
         from_keys/2, iterator/1, next/1, merge_with/3, intersect/2,
         intersect_with/3, groups_from_list/2, groups_from_list/3]).

fold(F, Acc, M) when is_function(F, 3), is_map(M) ->
    lists:foldl(fun({K, V}, A) -> F(K, V, A) end, Acc, maps:to_list(M));
fold(_, _, M) -> error({badmap, M}).

map(F, M) when is_function(F, 2), is_map(M) ->
    maps:from_list([{K, F(K, V)} || {K, V} <- maps:to_list(M)]);
map(_, M) -> error({badmap, M}).

filter(P, M) when is_function(P, 2), is_map(M) ->
    maps:from_list([{K, V} || {K, V} <- maps:to_list(M), P(K, V)]);
filter(_, M) -> error({badmap, M}).

foreach(F, M) when is_function(F, 2), is_map(M) ->
    lists:foreach(fun({K, V}) -> F(K, V) end, maps:to_list(M));
foreach(_, M) -> error({badmap, M}).

filtermap(F, M) when is_function(F, 2), is_map(M) ->
    maps:from_list(lists:filtermap(fun({K, V}) ->
        case F(K, V) of
            true -> true;
            false -> false;
            {true, V2} -> {true, {K, V2}}
        end
    end, maps:to_list(M)));
filtermap(_, M) -> error({badmap, M}).

update_with(K, F, M) when is_function(F, 1), is_map(M) ->
    case M of
        #{K := V} -> M#{K := F(V)};
        _ -> error({badkey, K})
    end;
update_with(_, _, M) when is_map(M) -> error(badarg);
update_with(_, _, M) -> error({badmap, M}).

update_with(K, F, Init, M) when is_function(F, 1), is_map(M) ->
    case M of
        #{K := V} -> M#{K := F(V)};
        _ -> M#{K => Init}
    end;
update_with(_, _, _, M) when is_map(M) -> error(badarg);
update_with(_, _, _, M) -> error({badmap, M}).

with(Ks, M) when is_list(Ks), is_map(M) ->
    maps:from_list([{K, V} || K <- Ks, {ok, V} <- [maps:find(K, M)]]);
with(_, M) when is_map(M) -> error(badarg);
with(_, M) -> error({badmap, M}).

without(Ks, M) when is_list(Ks), is_map(M) ->
    lists:foldl(fun(K, A) -> maps:remove(K, A) end, M, Ks);
without(_, M) when is_map(M) -> error(badarg);
without(_, M) -> error({badmap, M}).

take(K, M) when is_map(M) ->
    case M of
        #{K := V} -> {V, maps:remove(K, M)};
        _ -> error
    end;
take(_, M) -> error({badmap, M}).

from_keys(Ks, V) when is_list(Ks) -> from_keys(Ks, V, #{});
from_keys(_, _) -> error(badarg).
from_keys([K | Ks], V, M) -> from_keys(Ks, V, M#{K => V});
from_keys([], _, M) -> M;
from_keys(_, _, _) -> error(badarg).

%% An iterator is [0 | Map] as in OTP 25; next/1 lists the whole map at once
%% as a chain {K, V, {K2, V2, ... none}}, which is what erl's next/1 gives
%% for a map of up to 32 keys.
iterator(M) when is_map(M) -> [0 | M];
iterator(M) -> error({badmap, M}).

next({K, V, I}) -> {K, V, I};
next([0 | M]) when is_map(M) -> chain(maps:to_list(M));
next(none) -> none;
next(_) -> error(badarg).
chain([{K, V} | T]) -> {K, V, chain(T)};
chain([]) -> none.

%% Both walk the smaller map (the first of two of a size) and call
%% Combiner(K, V1, V2) in its key order, as OTP's do.
merge_with(C, M1, M2) when is_map(M1), is_map(M2), is_function(C, 3) ->
    case map_size(M1) > map_size(M2) of
        true ->
            lists:foldl(fun({K, V2}, A) ->
                case A of
                    #{K := V1} -> A#{K := C(K, V1, V2)};
                    _ -> A#{K => V2}
                end
            end, M1, maps:to_list(M2));
        false ->
            lists:foldl(fun({K, V1}, A) ->
                case A of
                    #{K := V2} -> A#{K := C(K, V1, V2)};
                    _ -> A#{K => V1}
                end
            end, M2, maps:to_list(M1))
    end;
merge_with(C, M1, M2) -> error(two_maps_error(C, M1, M2)).

intersect(M1, M2) when is_map(M1), is_map(M2) ->
    intersect_with(fun(_, _, V2) -> V2 end, M1, M2);
intersect(M1, M2) -> error(two_maps_error(fun(_, _, V) -> V end, M1, M2)).

intersect_with(C, M1, M2) when is_map(M1), is_map(M2), is_function(C, 3) ->
    case map_size(M1) > map_size(M2) of
        true ->
            maps:from_list([{K, C(K, V1, V2)} || {K, V2} <- maps:to_list(M2),
                                                 {ok, V1} <- [maps:find(K, M1)]]);
        false ->
            maps:from_list([{K, C(K, V1, V2)} || {K, V1} <- maps:to_list(M1),
                                                 {ok, V2} <- [maps:find(K, M2)]])
    end;
intersect_with(C, M1, M2) -> error(two_maps_error(C, M1, M2)).

two_maps_error(C, _, _) when not is_function(C, 3) -> badarg;
two_maps_error(_, M1, M2) when is_map(M1) -> {badmap, M2};
two_maps_error(_, M1, _) -> {badmap, M1}.

%% The list is walked from its end, so the funs are called last element
%% first, as OTP's do.
groups_from_list(F, L) -> groups_from_list(F, fun(X) -> X end, L).
groups_from_list(F, G, L) when is_function(F, 1), is_function(G, 1) ->
    R = try lists:reverse(L) catch error:_ -> error(badarg) end,
    groups(F, G, R, #{});
groups_from_list(_, _, _) -> error(badarg).
groups(F, G, [X | T], Acc) ->
    K = F(X),
    V = G(X),
    case Acc of
        #{K := Vs} -> groups(F, G, T, Acc#{K := [V | Vs]});
        _ -> groups(F, G, T, Acc#{K => [V]})
    end;
groups(_, _, [], Acc) -> Acc.
