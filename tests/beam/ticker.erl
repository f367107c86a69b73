%% A clock that ticks every 10 ms and never stops: a run that only ends
%% when it is stopped.
-module(ticker).
-export([main/0]).

main() ->
    spawn(fun() -> tick(0) end),
    receive after infinity -> ok end.

tick(N) ->
    receive after 10 -> ok end,
    pidlab:emit({tick, N}),
    tick(N + 1).
