%% BIFs called with wrong argument types raise badarg.
-module(error_badarg).
-export([main/0]).

v(X) -> X.

try_bif(Name, F) ->
    R = try F() catch error:E -> {error, E} end,
    io:format("~s: ~p~n", [Name, R]).

main() ->
    try_bif("hd([])", fun() -> hd(v([])) end),
    try_bif("tl(x)", fun() -> tl(v(x)) end),
    try_bif("element(4, {1,2,3})", fun() -> element(4, v({1, 2, 3})) end),
    try_bif("element(0, {1})", fun() -> element(0, v({1})) end),
    try_bif("setelement(2, {1}, x)", fun() -> setelement(2, v({1}), x) end),
    try_bif("length([1|2])", fun() -> length(v([1 | 2])) end),
    try_bif("tuple_size([])", fun() -> tuple_size(v([])) end),
    try_bif("atom_to_list(1)", fun() -> atom_to_list(v(1)) end),
    try_bif("list_to_integer(\"12a\")", fun() -> list_to_integer(v("12a")) end),
    try_bif("list_to_integer(\"\")", fun() -> list_to_integer(v("")) end),
    try_bif("integer_to_list(1.0)", fun() -> integer_to_list(v(1.0)) end),
    try_bif("list_to_tuple(a)", fun() -> list_to_tuple(v(a)) end),
    try_bif("abs(x)", fun() -> abs(v(x)) end),
    try_bif("round(\"1\")", fun() -> round(v("1")) end),
    try_bif("true and 1", fun() -> true and v(1) end),
    try_bif("not 0", fun() -> not v(0) end),
    try_bif("[1] ++ 2", fun() -> v([1]) ++ v(2) end),
    try_bif("a ++ [1]", fun() -> v(a) ++ [1] end),
    try_bif("[1] -- a", fun() -> [1] -- v(a) end),
    try_bif("list_to_atom(1)", fun() -> list_to_atom(v(1)) end).
