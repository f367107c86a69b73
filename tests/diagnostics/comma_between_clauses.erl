-module(comma_between_clauses).
-export([name/1]).

name(X) ->
    case X of
        1 -> one,
        2 -> two
    end.
