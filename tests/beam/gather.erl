%% Workers on other nodes square numbers; a registered tally counts the
%% requests; main asks each worker in turn and prints what came back.
-module(gather).
-export([main/0]).

main() ->
    register(tally, spawn(fun() -> tally(0) end)),
    Workers = [spawn(fun worker/0) || _ <- lists:seq(1, 4)],
    Answers = [ask(W, N) || {W, N} <- lists:zip(Workers, [3, 5, 7, 9])],
    io:format("squares: ~w~n", [Answers]),
    [W ! stop || W <- Workers],
    tally ! {total, self()},
    receive
        {total, T} -> io:format("the tally saw ~w requests~n", [T])
    end,
    pidlab:emit({done, lists:sum(Answers)}),
    ok.

ask(W, N) ->
    W ! {square, self(), N},
    receive
        {W, R} -> R
    end.

worker() ->
    receive
        {square, From, N} ->
            tally ! seen,
            From ! {self(), N * N},
            worker();
        stop ->
            ok
    end.

tally(K) ->
    receive
        seen -> tally(K + 1);
        {total, From} -> From ! {total, K}
    end.
