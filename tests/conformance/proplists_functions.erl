-module(proplists_functions).
-export([main/0]).
%% Property lists: pairs and bare atoms.
r(F) -> try F() catch C:R -> {C, R} end.
main() ->
    Cases = [
        fun() -> proplists:get_value(a, [{a, 1}, {b, 2}]) end,
        fun() -> proplists:get_value(c, [{a, 1}, {b, 2}]) end,
        fun() -> proplists:get_value(c, [{a, 1}], none) end,
        fun() -> proplists:get_value(debug, [verbose, debug]) end,
        fun() -> proplists:get_value(a, [{a, 1, 2}, {a, 3}]) end,
        fun() -> proplists:get_value(a, [{b, 1}, a, {a, 2}]) end,
        fun() -> proplists:get_bool(debug, [debug]) end,
        fun() -> proplists:get_bool(debug, [{debug, false}]) end,
        fun() -> proplists:get_bool(debug, []) end,
        fun() -> proplists:lookup(a, [{b, 1}, {a, 2}, {a, 3}]) end,
        fun() -> proplists:lookup(a, [a]) end,
        fun() -> proplists:lookup(z, [a]) end,
        fun() -> proplists:lookup_all(a, [{a, 1}, b, a, {a, 2, 3}]) end,
        fun() -> proplists:is_defined(a, [{a, 1}]) end,
        fun() -> proplists:is_defined(b, [{a, 1}]) end,
        fun() -> proplists:delete(a, [{a, 1}, b, a, {a, 2}, {c, 3}]) end,
        fun() -> proplists:get_all_values(a, [{a, 1}, a, {a, 2, 3}, {a, [x]}]) end,
        fun() -> proplists:append_values(a, [{a, [1, 2]}, {b, 0}, {a, 3}, {a, [4]}]) end,
        fun() -> proplists:property({debug, true}) end,
        fun() -> proplists:property({debug, false}) end,
        fun() -> proplists:property(k, true) end,
        fun() -> proplists:property(k, 5) end,
        fun() -> proplists:get_value(1, [{1, one}, {1.0, float}]) end,
        fun() -> proplists:get_value(1.0, [{1, one}, {1.0, float}]) end
    ],
    [io:format("~p~n", [r(F)]) || F <- Cases],
    ok.
