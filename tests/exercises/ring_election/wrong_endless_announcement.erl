%% fails: one node starts, three nodes; two nodes start at once; every node of a ring of four starts
-module(ring_election).
-export([start/2]).

%% Every node learns the leader once, but the leader passes its own
%% announcement on too, so it goes round the ring for ever and the run
%% never ends.
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
        {election, J} when J < Id, Part =:= idle ->
            Next ! {election, Id},
            node(Id, Next, Elected, taking_part);
        {election, J} when J < Id ->
            node(Id, Next, Elected, Part);
        {election, Id} ->
            Elected(Id),
            Next ! {elected, Id},
            node(Id, Next, Elected, done);
        {elected, Leader} when Part =:= done ->
            Next ! {elected, Leader},
            node(Id, Next, Elected, done);
        {elected, Leader} ->
            Elected(Leader),
            Next ! {elected, Leader},
            node(Id, Next, Elected, done)
    end.

joined(idle) -> taking_part;
joined(Part) -> Part.
