-module(lists_maps_more).
-export([main/0]).
%% More of lists and maps: key functions, join, zip3, merge, prefix and
%% suffix, usort/ukeysort, and maps:update_with/with/without/take/from_keys.

r(F) -> try F() catch C:R -> {C, R} end.

main() ->
    L = [{a, 1}, {b, 2}, {c, 3}, {b, 4}],
    io:format("~p~n", [[lists:keymember(b, 1, L), lists:keymember(z, 1, L),
                        lists:keymember(2.0, 2, L)]]),
    io:format("~p~n", [lists:keyreplace(b, 1, L, {b, 20})]),
    io:format("~p~n", [lists:keyreplace(z, 1, L, {z, 0})]),
    io:format("~p~n", [lists:keytake(b, 1, L)]),
    io:format("~p~n", [lists:keytake(z, 1, L)]),
    io:format("~p~n", [lists:join(", ", ["one", "two", "three"])]),
    io:format("~s~n", [lists:join("-", ["x", "y"])]),
    io:format("~p~n", [[lists:join(x, []), lists:join(x, [a])]]),
    io:format("~p~n", [lists:droplast([1, 2, 3])]),
    io:format("~p~n", [r(fun() -> lists:droplast([]) end)]),
    io:format("~p~n", [lists:subtract([1, 2, 3, 2, 1], [2, 1])]),
    io:format("~p~n", [lists:zip3([1, 2], [a, b], "xy")]),
    io:format("~p~n", [lists:unzip3([{1, a, x}, {2, b, y}])]),
    io:format("~p~n", [lists:zipwith3(fun(X, Y, Z) -> X + Y + Z end, [1, 2], [10, 20], [100, 200])]),
    io:format("~p~n", [lists:merge([1, 3, 5, 7], [2, 3, 4])]),
    io:format("~p~n", [lists:flatten([a, [b, [c]]], [d, e])]),
    io:format("~p~n", [[lists:prefix("ab", "abc"), lists:prefix("b", "abc"),
                        lists:suffix("bc", "abc"), lists:suffix("abcd", "abc")]]),
    io:format("~p~n", [lists:mapfoldr(fun(X, A) -> {X * 2, A + X} end, 0, [1, 2, 3])]),
    io:format("~p~n", [lists:uniq([3, 1, 3, 2, 1])]),
    io:format("~p~n", [lists:usort(fun(A, B) -> A >= B end, [3, 1, 3, 2, 1])]),
    io:format("~p~n", [lists:ukeysort(1, [{b, 1}, {a, 2}, {b, 3}, {a, 4}])]),
    M = #{a => 1, b => 2, c => 3},
    io:format("~p~n", [maps:update_with(a, fun(V) -> V + 100 end, M)]),
    io:format("~p~n", [r(fun() -> maps:update_with(z, fun(V) -> V end, M) end)]),
    io:format("~p~n", [maps:update_with(z, fun(V) -> V end, 0, M)]),
    io:format("~p~n", [maps:with([a, c, z], M)]),
    io:format("~p~n", [maps:without([a, z], M)]),
    io:format("~p~n", [maps:take(b, M)]),
    io:format("~p~n", [maps:take(z, M)]),
    io:format("~p~n", [maps:from_keys([x, y], 0)]),
    io:format("~p~n", [r(fun() -> maps:with([a], not_a_map) end)]),
    io:format("~p~n", [r(fun() -> maps:take(a, [1]) end)]).
