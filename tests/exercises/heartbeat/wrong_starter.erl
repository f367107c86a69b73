%% fails: two nodes, one crashes; three nodes, one crashes: both others suspect it, random executions; another period and delta, any delay up to delta, random executions
-module(heartbeat).
-export([node/4]).
node(_Peers, _User, _Period, _Delta) -> erlang:error(not_implemented).
