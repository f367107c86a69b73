%% fails: sends and receives, every interleaving of two processes; the clock condition against happens-before, three processes
-module(lamport_clock).
-export([new/0, local/1, send/1, recv/2, time/1]).

%% A receive that only ticks: the message's timestamp is ignored.
new() -> 0.
local(T) -> T + 1.
send(T) -> {T + 1, T + 1}.
recv(T, _M) -> T + 1.
time(T) -> T.
