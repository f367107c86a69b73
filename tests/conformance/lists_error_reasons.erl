-module(lists_error_reasons).
-export([main/0]).
%% What the lists functions raise when given the wrong things.

r(F) -> try F() catch C:R -> {C, R} end.

main() ->
    NotFun = list_to_atom("notfun"),
    OneArg = fun(X) -> X end,
    Cases = [
        fun() -> lists:seq(1, 2, 0) end,
        fun() -> lists:seq(1, 5, -1) end,
        fun() -> lists:seq(1, 1, 0) end,
        fun() -> lists:seq(5, 1) end,
        fun() -> lists:seq(a, 3) end,
        fun() -> lists:sublist([1, 2, 3], 5, 1) end,
        fun() -> lists:sublist([1, 2, 3], 4, -1) end,
        fun() -> lists:sublist([1, 2, 3], 0, 1) end,
        fun() -> lists:reverse([1 | 2]) end,
        fun() -> lists:reverse([1, 2 | 3]) end,
        fun() -> lists:reverse(abc) end,
        fun() -> lists:map(NotFun, [1]) end,
        fun() -> lists:map(NotFun, []) end,
        fun() -> lists:foldl(OneArg, 0, [1]) end,
        fun() -> lists:foldr(OneArg, 0, []) end,
        fun() -> lists:foreach(NotFun, [1]) end,
        fun() -> lists:any(NotFun, [1]) end,
        fun() -> lists:all(NotFun, []) end,
        fun() -> lists:nth(a, [1]) end,
        fun() -> lists:nth(1.0, [1]) end,
        fun() -> lists:nth(3, [1, 2]) end,
        fun() -> lists:nthtail(4, [1, 2, 3]) end,
        fun() -> lists:concat([a, "b", 1, 2.5]) end
    ],
    [io:format("~p~n", [r(F)]) || F <- Cases],
    ok.
