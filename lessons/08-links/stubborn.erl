-module(stubborn).
-export([main/0]).

%% A stubborn link: sends a and b, then sends both again every 10 ms.
%% A real stubborn link never stops; this one stops after 4 rounds, so
%% that a run in the shell ends. The receiver delivers every copy.
main() ->
    R = spawn(fun receiver/0),
    [pidlab:emit({send, M}) || M <- [a, b]],
    rounds(R, [a, b], 4).

rounds(_R, _Ms, 0) ->
    ok;
rounds(R, Ms, K) ->
    [R ! {data, M} || M <- Ms],
    timer:sleep(10),
    rounds(R, Ms, K - 1).

receiver() ->
    receive
        {data, M} ->
            pidlab:emit({deliver, M}),
            receiver()
    end.
