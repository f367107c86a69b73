-module(match_in_guard).
-export([f/1]).

f(X) when X = 1 -> one;
f(_) -> other.
