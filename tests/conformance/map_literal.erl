%% Map literals with keys of many types, and how ~p/~w order the keys.
-module(map_literal).
-export([main/0]).

main() ->
    io:format("~p~n", [#{}]),
    io:format("~p~n", [#{b => 2, a => 1, c => 3}]),
    io:format("~p~n", [#{1 => int, 1.0 => float, a => atom, "s" => string, {t} => tuple, [l] => list}]),
    io:format("~w~n", [#{z => 1, 10 => 2, 2 => 3, -1 => 4}]),
    io:format("~p~n", [#{a => 1, a => 2}]),
    io:format("~p~n", [#{{x, y} => #{nested => true}}]),
    K = key,
    io:format("~p~n", [#{K => value, {K, K} => pair}]),
    io:format("~p~n", [maps:size(#{a => 1, b => 2, a => 3})]),
    io:format("~p~n", [is_map(#{}) andalso not is_map([])]).
