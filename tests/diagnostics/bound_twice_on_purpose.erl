-module(bound_twice_on_purpose).
-export([same/1]).

same({X, X}) -> true;
same(_) -> false.

also_used() -> same({1, 1}).
