%% The higher-order functions of `maps`, in Erlang so that they can call
%% funs. The rest of `maps` is built into pidlab.
-module(maps).
-export([fold/3, map/2, filter/2, foreach/2, filtermap/2]).

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
