-module(ring).
-export([main/0, main/1]).
%% 1000 processes in a ring pass a token 1000 times around: 10^6 messages.
%% `main([N, Laps])` runs another ring (benches/run.sh traces one of 100).
main() ->
    run(1000, 1000).
main([]) ->
    main();
main([N, Laps]) ->
    run(list_to_integer(N), list_to_integer(Laps)).
run(N, Laps) ->
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
