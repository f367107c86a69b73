%% try ... of matches the body's value; errors inside of-clauses are not caught.
-module(try_of_clauses).
-export([main/0]).

v(X) -> X.

describe(X) ->
    try v(X) of
        N when is_integer(N), N > 100 -> big;
        N when is_integer(N) -> {small, N};
        {ok, Val} -> {unwrapped, Val};
        _ -> other
    catch
        _:_ -> never
    end.

main() ->
    [io:format("~p~n", [describe(X)]) || X <- [500, 7, {ok, "yes"}, atom]],
    R = try
            try v(1) of
                1 -> error(raised_in_of)
            catch
                error:_ -> caught_by_same_try
            end
        catch
            error:E -> {caught_outside, E}
        end,
    io:format("~p~n", [R]),
    io:format("~p~n", [try v(5) of Five -> Five * 2 after ok end]).
