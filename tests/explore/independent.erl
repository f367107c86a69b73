%% Three processes that never talk to each other or to main. Each computes
%% something small and ends; main returns without waiting. Every order of
%% their steps ends in the same state. Emits nothing.
-module(independent).
-export([main/0]).

main() ->
    spawn(fun() -> lists:sum([1, 2, 3]) end),
    spawn(fun() -> lists:max([4, 5, 6]) end),
    spawn(fun() -> length([7, 8, 9]) end),
    ok.
