%% Unique references tag requests so replies can be matched exactly.
-module(proc_make_ref_tag).
-export([main/0]).

server() ->
    receive
        {call, From, Ref, {add, A, B}} -> From ! {reply, Ref, A + B}, server();
        {call, From, Ref, {echo, X}} -> From ! {reply, Ref, X}, server();
        stop -> ok
    end.

call(Server, Req) ->
    Ref = make_ref(),
    Server ! {call, self(), Ref, Req},
    receive {reply, Ref, V} -> V end.

main() ->
    S = spawn(fun server/0),
    io:format("~p~n", [call(S, {add, 2, 3})]),
    io:format("~p~n", [call(S, {echo, hello})]),
    R1 = make_ref(), R2 = make_ref(),
    io:format("refs differ: ~p, equal to self: ~p~n", [R1 =/= R2, R1 =:= R1]),
    self() ! {reply, R2, second},
    self() ! {reply, R1, first},
    receive {reply, R1, X} -> io:format("matched R1: ~p~n", [X]) end,
    receive {reply, R2, Y} -> io:format("matched R2: ~p~n", [Y]) end,
    io:format("ref < pid order: ~p~n", [R1 < self()]),
    io:format("number < ref < tuple: ~p~n", [1 < R1 andalso R1 < {}]),
    S ! stop.
