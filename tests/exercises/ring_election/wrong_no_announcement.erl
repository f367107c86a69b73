%% fails: one node starts, three nodes; two nodes start at once; every node of a ring of four starts
-module(ring_election).
-export([start/2]).

%% The leader knows it has won, but nobody tells the others.
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
            node(Id, Next, Elected, taking_part);
        {election, J} when J < Id, Part =:= idle ->
            Next ! {election, Id},
            node(Id, Next, Elected, taking_part);
        {election, J} when J < Id ->
            node(Id, Next, Elected, Part);
        {election, Id} ->
            Elected(Id),
            node(Id, Next, Elected, done)
    end.
