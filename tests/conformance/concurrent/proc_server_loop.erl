%% A counter server holding state in its loop, used through call-style messages.
-module(proc_server_loop).
-export([main/0]).

loop(Count, History) ->
    receive
        {incr, N} -> loop(Count + N, [{incr, N} | History]);
        reset -> loop(0, [reset | History]);
        {get, From} -> From ! {count, self(), Count}, loop(Count, History);
        {stop, From} -> From ! {stopped, self(), lists:reverse(History)}
    end.

get_count(S) -> S ! {get, self()}, receive {count, S, C} -> C end.

main() ->
    S = spawn(fun() -> loop(0, []) end),
    S ! {incr, 5},
    S ! {incr, 10},
    io:format("count: ~p~n", [get_count(S)]),
    S ! reset,
    S ! {incr, 1 bsl 70},
    io:format("count: ~p~n", [get_count(S)]),
    S ! {stop, self()},
    receive {stopped, S, H} -> io:format("history: ~p~n", [H]) end.
