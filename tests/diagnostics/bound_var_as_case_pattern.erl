-module(bound_var_as_case_pattern).
-export([f/2]).

f(Expected, Msg) ->
    case Msg of
        Expected -> matched;
        _ -> other
    end.
