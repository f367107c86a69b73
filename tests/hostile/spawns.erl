-module(lamport_clock).
-export([new/0, local/1, send/1, recv/2, time/1]).
new() -> spawn(fun() -> new() end), new().
local(T) -> T + 1.
send(T) -> {T + 1, T + 1}.
recv(T, M) -> max(T, M) + 1.
time(T) -> T.
