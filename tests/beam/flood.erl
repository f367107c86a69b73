%% One process sends itself a message forever: a run that never ends by
%% itself, for the limits of `pidlab beam`.
-module(flood).
-export([main/0]).
main() ->
    P = spawn(fun() -> loop(0) end),
    P ! go,
    receive after infinity -> ok end.
loop(N) -> receive go -> self() ! go, loop(N + 1) end.
