%% fails: one node starts, three nodes; two nodes start at once
-module(ring_election).
-export([start/2]).

%% Only the nodes told to start compete: a node drops every id smaller
%% than its own, even when it has not taken part yet, so a larger node
%% that was not told to start never puts its id in. When every node
%% starts this is right, which is why it can look fine.
start(Id, Elected) ->
    spawn(fun() -> receive {next, Next} -> node(Id, Next, Elected, idle) end end).

node(Id, Next, Elected, Part) ->
    receive
        start when Part =:= idle ->
            Next ! {election, Id},
            node(Id, Next, Elected, taking_part);
        start ->
            node(Id, Next, Elected, Part);
        {election, J} when J > Id ->
            Next ! {election, J},
            node(Id, Next, Elected, joined(Part));
        {election, J} when J < Id ->
            node(Id, Next, Elected, Part);
        {election, Id} ->
            Elected(Id),
            Next ! {elected, Id},
            node(Id, Next, Elected, done);
        {elected, Id} ->
            node(Id, Next, Elected, done);
        {elected, Leader} ->
            Elected(Leader),
            Next ! {elected, Leader},
            node(Id, Next, Elected, done)
    end.

joined(idle) -> taking_part;
joined(Part) -> Part.
