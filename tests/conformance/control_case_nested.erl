%% Nested case expressions, variables bound in clauses, and case as a value.
-module(control_case_nested).
-export([main/0]).

describe(X) ->
    case X of
        {point, A, B} ->
            case {A > 0, B > 0} of
                {true, true} -> first_quadrant;
                {false, true} -> second_quadrant;
                {false, false} -> third_quadrant;
                {true, false} -> fourth_quadrant
            end;
        [H | _] when is_integer(H) ->
            Parity = case H rem 2 of 0 -> even; _ -> odd end,
            {list_starting, Parity};
        [] -> empty;
        _ -> unknown
    end.

main() ->
    Inputs = [{point, 1, 1}, {point, -1, 2}, {point, -1, -1}, {point, 3, -3}, [4, x], [7], [], foo],
    [io:format("~p -> ~p~n", [I, describe(I)]) || I <- Inputs],
    Y = case 5 of N when N > 3 -> Z = N * 2, Z + 1; _ -> 0 end,
    io:format("~p~n", [Y]),
    case {ok, 42} of {ok, Bound} -> ok end,
    io:format("bound after case: ~p~n", [Bound]).
