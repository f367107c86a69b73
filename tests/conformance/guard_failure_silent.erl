%% Exceptions inside guards do not propagate; the guard just fails.
-module(guard_failure_silent).
-export([main/0]).

check(X) when hd(X) > 0 -> positive_head;
check(X) when element(1, X) =:= ok -> ok_tuple;
check(X) when length(X) > 2 -> long_list;
check(X) when X / 0 > 1 -> impossible;
check(_) -> fallback.

alt(X) when element(2, X) =:= b; is_atom(X) -> matched;
alt(_) -> unmatched.

main() ->
    io:format("~p~n", [[check(X) || X <- [[5], [-1, 2, 3], {ok, 1}, atom, 7, [], {}]]]),
    io:format("~p~n", [[alt(X) || X <- [{a, b}, {a}, atom, 5]]]),
    R = if
            hd([]) =:= x -> never;
            true -> guard_error_ignored
        end,
    io:format("~p~n", [R]).
