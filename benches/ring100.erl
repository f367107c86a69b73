-module(ring100).
-export([main/0]).
%% 100 processes in a ring pass a token 1000 times around: 10^5 messages.
%% With the trace on, every vector clock soon has all 100 entries.
main() ->
    N = 100, Laps = 1000,
    First = self(),
    Next = lists:foldl(fun(_, Prev) -> spawn(fun() -> relay(Prev) end) end, First, lists:seq(1, N - 1)),
    Next ! {token, Laps * N - 1},
    wait(Next).
relay(Next) ->
    receive
        {token, 0} -> Next ! {token, 0};
        {token, K} -> Next ! {token, K - 1}, relay(Next)
    end.
wait(Next) ->
    receive
        {token, 0} -> io:format("done~n");
        {token, K} -> Next ! {token, K - 1}, wait(Next)
    end.
