%% maps:fold, maps:map and maps:filter over small maps.
-module(map_fold_map_filter).
-export([main/0]).

main() ->
    Prices = #{pen => 2, book => 12, lamp => 30, mug => 8},
    Total = maps:fold(fun(_K, V, Acc) -> V + Acc end, 0, Prices),
    io:format("total: ~p~n", [Total]),
    Names = maps:fold(fun(K, _V, Acc) -> [K | Acc] end, [], Prices),
    io:format("names: ~p~n", [lists:sort(Names)]),
    Doubled = maps:map(fun(_K, V) -> V * 2 end, Prices),
    io:format("doubled: ~p~n", [Doubled]),
    Tagged = maps:map(fun(K, V) -> {K, V} end, #{a => 1}),
    io:format("tagged: ~p~n", [Tagged]),
    Cheap = maps:filter(fun(_K, V) -> V < 10 end, Prices),
    io:format("cheap: ~p~n", [Cheap]),
    None = maps:filter(fun(_, _) -> false end, Prices),
    io:format("none: ~p~n", [None]),
    io:format("fold empty: ~p~n", [maps:fold(fun(_, _, A) -> A + 1 end, 0, #{})]).
