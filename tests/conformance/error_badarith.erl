%% Arithmetic on non-numbers, division by zero and bad operands raise badarith.
-module(error_badarith).
-export([main/0]).

v(X) -> X.

try_op(Name, F) ->
    R = try F() catch error:E -> {error, E} end,
    io:format("~s: ~p~n", [Name, R]).

main() ->
    try_op("1 + a", fun() -> 1 + v(a) end),
    try_op("1 div 0", fun() -> 1 div v(0) end),
    try_op("1 rem 0", fun() -> 1 rem v(0) end),
    try_op("1 / 0", fun() -> 1 / v(0) end),
    try_op("1.0 / 0.0", fun() -> 1.0 / v(0.0) end),
    try_op("1.5 div 1", fun() -> v(1.5) div 1 end),
    try_op("4 rem 2.0", fun() -> 4 rem v(2.0) end),
    try_op("1 band 1.0", fun() -> 1 band v(1.0) end),
    try_op("bnot 1.0", fun() -> bnot v(1.0) end),
    try_op("-abc", fun() -> - v(abc) end),
    try_op("\"1\" * 2", fun() -> v("1") * 2 end),
    try_op("1 bsl a", fun() -> 1 bsl v(a) end),
    try_op("ok", fun() -> v(6) div 4 end).
