-module(missing_end).
-export([check/1]).

check(X) ->
    case X of
        1 -> one;
        _ -> other.
