-module(unsafe_case_variable).
-export([f/1]).

f(X) ->
    case X of
        0 -> Y = zero;
        _ -> ok
    end,
    Y.
