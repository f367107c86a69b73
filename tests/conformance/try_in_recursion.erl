%% try inside recursion: each level catches and records its own exception.
-module(try_in_recursion).
-export([main/0]).

walk([]) -> [];
walk([H | T]) ->
    R = try check(H) catch throw:Why -> {skipped, Why} end,
    [R | walk(T)].

check(N) when N rem 3 =:= 0 -> throw({multiple_of_three, N});
check(N) -> N * N.

depth(0) -> throw(bottom);
depth(N) ->
    try depth(N - 1)
    after
        io:format("unwinding ~p~n", [N])
    end.

main() ->
    io:format("~p~n", [walk(lists:seq(1, 7))]),
    io:format("~p~n", [catch depth(4)]).
