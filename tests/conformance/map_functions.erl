%% maps:get, put, find, remove, keys, values, is_key, size and to_list.
-module(map_functions).
-export([main/0]).

main() ->
    M = #{apple => 3, banana => 5, cherry => 7},
    io:format("~p~n", [maps:get(apple, M)]),
    io:format("~p~n", [maps:get(durian, M, none)]),
    io:format("~p ~p~n", [maps:find(banana, M), maps:find(durian, M)]),
    io:format("~p~n", [maps:put(durian, 9, M)]),
    io:format("~p~n", [maps:put(apple, 0, M)]),
    io:format("~p~n", [maps:remove(banana, M)]),
    io:format("~p~n", [maps:remove(nothing, M)]),
    io:format("~p~n", [lists:sort(maps:keys(M))]),
    io:format("~p~n", [lists:sort(maps:values(M))]),
    io:format("~p ~p~n", [maps:is_key(cherry, M), maps:is_key(3, M)]),
    io:format("~p ~p~n", [maps:size(M), maps:size(#{})]),
    io:format("~p~n", [lists:sort(maps:to_list(M))]),
    io:format("~p~n", [maps:from_list([{x, 1}, {y, 2}, {x, 3}])]).
