%% A case expression with no matching clause raises {case_clause, Value}.
-module(error_case_clause).
-export([main/0]).

classify(X) ->
    case X of
        0 -> zero;
        N when is_integer(N), N > 0 -> positive;
        {tag, _} -> tagged
    end.

main() ->
    [io:format("~p -> ~p~n", [X, try classify(X) catch error:R -> {error, R} end])
     || X <- [0, 5, {tag, 1}, -3, {tag, 1, 2}, "str", 1.0]].
