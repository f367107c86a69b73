%% fails: sends and receives, every interleaving of two processes; the clock condition against happens-before, three processes
-module(lamport_clock).
-export([new/0, local/1, send/1, recv/2, time/1]).

%% A send that stamps the message with the old time and does not tick.
new() -> 0.
local(T) -> T + 1.
send(T) -> {T, T}.
recv(T, M) -> max(T, M) + 1.
time(T) -> T.
