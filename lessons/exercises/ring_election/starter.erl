-module(ring_election).
-export([start/2]).

%% Starts one node with the id Id (an integer) and returns its pid.
%% Elected is a fun of one argument: call Elected(LeaderId) in the node's
%% own process, once, when the node learns who the leader is.
start(Id, Elected) ->
    spawn(fun() -> receive {next, Next} -> node(Id, Next, Elected) end end).

%% Next: the pid of the next node round the ring, the only node this one
%% sends to.
node(Id, Next, Elected) ->
    receive
        start ->
            %% TODO: take part in the election.
            node(Id, Next, Elected);
        _Other ->
            %% TODO: the messages that go round the ring.
            node(Id, Next, Elected)
    end.
