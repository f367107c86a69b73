-module(lamport_clock).
-export([new/0, local/1, send/1, recv/2, time/1]).

%% A clock at time 0.
new() -> erlang:error(not_implemented).

%% The clock after a local event.
local(_Clock) -> erlang:error(not_implemented).

%% {Timestamp, NewClock} for a send.
send(_Clock) -> erlang:error(not_implemented).

%% The clock after receiving a message stamped MessageTimestamp.
recv(_Clock, _MessageTimestamp) -> erlang:error(not_implemented).

%% The clock's time.
time(_Clock) -> erlang:error(not_implemented).
