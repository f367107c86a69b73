-module(perfect_link).
-export([new/0, send/3, handle/2, timeout/1]).

%% A link with nothing sent or delivered yet.
new() -> erlang:error(not_implemented).

%% Sends M to the process To over the link; returns the new link.
send(_Link, _To, _M) -> erlang:error(not_implemented).

%% A network message tagged pl has arrived: {Delivered, NewLink}, where
%% Delivered is the list of {From, M} it delivers.
handle(_Link, _NetMsg) -> erlang:error(not_implemented).

%% The owner's timer went off: resend; returns the new link.
timeout(_Link) -> erlang:error(not_implemented).
