-module(vector_clock).
-export([new/1, local/1, send/1, recv/2, stamp/1, compare/2]).

%% A new clock of the owner Me: no event yet.
new(_Me) -> erlang:error(not_implemented).

%% The clock after a local event.
local(_Clock) -> erlang:error(not_implemented).

%% {Stamp, NewClock} for a send: the stamp to put on the message.
send(_Clock) -> erlang:error(not_implemented).

%% The clock after receiving a message that carried Stamp.
recv(_Clock, _Stamp) -> erlang:error(not_implemented).

%% The clock's current stamp.
stamp(_Clock) -> erlang:error(not_implemented).

%% before, 'after', equal or concurrent.
compare(_Stamp1, _Stamp2) -> erlang:error(not_implemented).
