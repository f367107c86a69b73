%% The higher-order functions of `maps`, in Erlang so that they can call
%% funs. The rest of `maps` is built into pidlab.
-module(maps).
-export([fold/3, map/2, filter/2, foreach/2, filtermap/2,
         update_with/3, update_with/4, with/2, without/2, take/2,
         from_keys/2]).

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
