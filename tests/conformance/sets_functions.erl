-module(sets_functions).
-export([main/0]).
%% ordsets, and sets as OTP version 2 sets (maps).
r(F) -> try F() catch C:R -> {C, R} end.
main() ->
    Cases = [
        fun() -> ordsets:from_list([3, 1, 2, 3, 1]) end,
        fun() -> ordsets:add_element(2, ordsets:from_list([1, 3])) end,
        fun() -> ordsets:add_element(1.0, [1, 3]) end,
        fun() -> ordsets:del_element(3, [1, 2, 3, 4]) end,
        fun() -> ordsets:is_element(2, [1, 2, 3]) end,
        fun() -> ordsets:is_element(2.0, [1, 2, 3]) end,
        fun() -> ordsets:union([1, 3, 5], [2, 3, 4]) end,
        fun() -> ordsets:union([[1], [2, 3], [1, 4]]) end,
        fun() -> ordsets:intersection([1, 2, 3, 4], [2, 4, 6]) end,
        fun() -> ordsets:intersection([[1, 2, 3], [2, 3], [3, 4]]) end,
        fun() -> ordsets:subtract([1, 2, 3, 4], [2, 4]) end,
        fun() -> ordsets:is_subset([1, 2], [1, 2, 3]) end,
        fun() -> ordsets:is_subset([1, 5], [1, 2, 3]) end,
        fun() -> ordsets:is_disjoint([1, 2], [3, 4]) end,
        fun() -> ordsets:size([a, b, c]) end,
        fun() -> ordsets:fold(fun(X, A) -> X + A end, 0, [1, 2, 3]) end,
        fun() -> ordsets:filter(fun(X) -> X > 1 end, [1, 2, 3]) end,
        fun() -> ordsets:is_set([1, 2, 3]) end,
        fun() -> ordsets:is_set([2, 1]) end,
        fun() -> sets:to_list(sets:from_list([c, a, b, a], [{version, 2}])) end,
        fun() -> sets:size(sets:from_list([1, 2, 2, 3], [{version, 2}])) end,
        fun() -> sets:is_element(b, sets:from_list([a, b], [{version, 2}])) end,
        fun() -> sets:to_list(sets:add_element(z, sets:new([{version, 2}]))) end,
        fun() -> sets:to_list(sets:del_element(a, sets:from_list([a, b], [{version, 2}]))) end,
        fun() -> lists:sort(sets:to_list(sets:union(sets:from_list([1, 2], [{version, 2}]), sets:from_list([2, 3], [{version, 2}])))) end,
        fun() -> lists:sort(sets:to_list(sets:intersection(sets:from_list([1, 2, 3], [{version, 2}]), sets:from_list([2, 3, 4], [{version, 2}])))) end,
        fun() -> lists:sort(sets:to_list(sets:subtract(sets:from_list([1, 2, 3], [{version, 2}]), sets:from_list([2], [{version, 2}])))) end,
        fun() -> sets:is_subset(sets:from_list([1], [{version, 2}]), sets:from_list([1, 2], [{version, 2}])) end,
        fun() -> sets:from_list([b, a], [{version, 2}]) end,
        fun() -> sets:is_empty(sets:new([{version, 2}])) end,
        fun() -> sets:fold(fun(X, A) -> X + A end, 0, sets:from_list([1, 2, 3], [{version, 2}])) end
    ],
    [io:format("~p~n", [r(F)]) || F <- Cases],
    ok.
