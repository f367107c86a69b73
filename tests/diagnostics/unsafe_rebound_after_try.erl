-module(unsafe_rebound_after_try).
-export([main/0]).
main() ->
    A = (try error(a) catch _:R -> R end),
    B = (try error(b) catch _:R -> R end),
    {A, B}.
