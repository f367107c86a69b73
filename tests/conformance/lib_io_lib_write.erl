-module(lib_io_lib_write).
-export([main/0]).
%% io_lib:write/1,2, print/1, printable_list/1, printable_latin1_list/1,
%% format/3 and io:write/1; the deep lists io_lib returns are flattened.
r(F) -> try lists:flatten(F()) catch C:R -> {C, R} end.
main() ->
    T = {a, "b", [1, 2, 3, 4, 5], #{k => {x, y}, 1 => 2}, 'Q q', 2.5},
    Cases = [
        fun() -> io_lib:write(T) end,
        fun() -> io_lib:write(T, -1) end,
        fun() -> io_lib:write(T, 0) end,
        fun() -> io_lib:write(T, 1) end,
        fun() -> io_lib:write(T, 2) end,
        fun() -> io_lib:write(T, 3) end,
        fun() -> io_lib:write(T, 4) end,
        fun() -> io_lib:write([1, 2, 3], 2) end,
        fun() -> io_lib:write([1, 2, 3, 4, 5], 3) end,
        fun() -> io_lib:write([a | b], 3) end,
        fun() -> io_lib:write([a, b | c], 2) end,
        fun() -> io_lib:write({}, 1) end,
        fun() -> io_lib:write([], 1) end,
        fun() -> io_lib:write(#{}, 1) end,
        fun() -> io_lib:write("abc") end,
        fun() -> io_lib:write(x, y) end,
        fun() -> io_lib:print(T) end,
        fun() -> io_lib:print([lists:seq(1, 30), "a long string of text to wrap", {deeply, [nested, {tuple}]}]) end,
        fun() -> io_lib:format("~p and ~w~n", [T, x], []) end,
        fun() -> io_lib:fwrite("~s", ["abc"], []) end,
        fun() -> [io_lib:printable_list(X) || X <- ["abc", [], [300], [200], "a\nb", x, [a], [97 | 98]]] end,
        fun() -> [io_lib:printable_latin1_list(X) || X <- ["abc", [], [300], [200], "a\nb", x]] end
    ],
    [io:format("~p~n", [r(F)]) || F <- Cases],
    io:write({x, "y", [1.0]}),
    io:nl(),
    ok.
