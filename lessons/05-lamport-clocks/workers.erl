%% Two workers do some work, printing a line for each step, and then tell
%% the process that started them that they are done. Quick takes one
%% step, slow takes five. start/0 returns who finished first.
-module(workers).
-export([start/0]).

start() ->
    Boss = self(),
    spawn(fun() -> work(quick, 1), Boss ! {done, quick} end),
    spawn(fun() -> work(slow, 5), Boss ! {done, slow} end),
    [receive {done, Who} -> Who end || _ <- [1, 2]].

work(_, 0) ->
    ok;
work(Name, N) ->
    io:format("~p works~n", [Name]),
    work(Name, N - 1).
