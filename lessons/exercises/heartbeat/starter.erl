-module(heartbeat).
-export([node/4]).

%% Runs the node: sends a heartbeat to every peer in Peers at once and
%% then every Period ms, tells User {suspect, self(), Q} when it suspects
%% the peer Q, and returns when it receives stop. Messages take at most
%% Delta ms.
node(_Peers, _User, _Period, _Delta) -> erlang:error(not_implemented).
