-module(forever).
-export([main/0]).

%% main returns; p2 wakes every 10 ms forever.
main() ->
    spawn(fun tick/0),
    ok.

tick() ->
    receive after 10 -> tick() end.
