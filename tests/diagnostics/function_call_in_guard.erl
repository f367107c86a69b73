-module(function_call_in_guard).
-export([f/1]).

small(X) -> X < 10.

f(X) when small(X) -> small;
f(_) -> big.
