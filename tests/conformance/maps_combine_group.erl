-module(maps_combine_group).

%% maps:merge_with, intersect, intersect_with and groups_from_list: results,
%% the order the funs are called in, and bad arguments.
-export([main/0]).
t(F) -> R = try F() catch C:E -> {C, E} end, io:format("~w~n", [R]).
main() ->
    P = fun(K, A, B) -> io:format("c ~w ~w ~w~n", [K, A, B]), {A, B} end,
    t(fun() -> maps:merge_with(P, #{a=>1,b=>2,c=>3}, #{b=>20,c=>30}) end),
    t(fun() -> maps:merge_with(P, #{b=>20,c=>30}, #{a=>1,b=>2,c=>3}) end),
    t(fun() -> maps:merge_with(P, #{b=>20,c=>30}, #{b=>2,c=>3}) end),
    t(fun() -> maps:intersect_with(P, #{a=>1,b=>2,c=>3}, #{b=>20,c=>30}) end),
    t(fun() -> maps:intersect_with(P, #{b=>20,c=>30}, #{a=>1,b=>2,c=>3}) end),
    t(fun() -> maps:intersect_with(P, #{b=>20,c=>30}, #{b=>2,c=>3}) end),
    t(fun() -> maps:intersect(#{a=>1,b=>2,c=>3}, #{b=>20,c=>30}) end),
    t(fun() -> maps:intersect(#{b=>20,c=>30}, #{a=>1,b=>2,c=>3}) end),
    t(fun() -> maps:intersect(#{1=>a,1.0=>b}, #{1=>c}) end),
    t(fun() -> maps:merge_with(P, a, #{}) end),
    t(fun() -> maps:merge_with(P, #{}, a) end),
    t(fun() -> maps:merge_with(x, a, b) end),
    t(fun() -> maps:merge_with(fun(A,B) -> {A,B} end, #{}, #{}) end),
    t(fun() -> maps:intersect(a, #{}) end),
    t(fun() -> maps:intersect(#{}, a) end),
    t(fun() -> maps:intersect(a, b) end),
    t(fun() -> maps:intersect_with(P, #{}, a) end),
    t(fun() -> maps:intersect_with(x, #{}, a) end),
    K = fun(X) -> io:format("k ~w~n", [X]), X rem 3 end,
    V = fun(X) -> io:format("v ~w~n", [X]), X * 10 end,
    t(fun() -> maps:groups_from_list(K, [1,2,3,4,5,6,7]) end),
    t(fun() -> maps:groups_from_list(K, V, [1,2,3,4,5]) end),
    t(fun() -> maps:groups_from_list(K, []) end),
    t(fun() -> maps:groups_from_list(K, a) end),
    t(fun() -> maps:groups_from_list(K, [1|a]) end),
    t(fun() -> maps:groups_from_list(x, [1]) end),
    t(fun() -> maps:groups_from_list(K, x, [1]) end),
    t(fun() -> maps:groups_from_list(K, V, [1|a]) end),
    t(fun() -> maps:groups_from_list(fun(X) -> X end, [1, 1.0, 1]) end),
    ok.
