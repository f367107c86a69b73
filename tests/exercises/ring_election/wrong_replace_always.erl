%% fails: two nodes start at once; every node of a ring of four starts
-module(ring_election).
-export([start/2]).

%% No memory of having taken part: a node puts its own id in place of
%% every smaller one it meets. With one election under way that is right;
%% with several, the largest node sends its id round more than once, sees
%% it come back more than once, and is elected (and announced) again.
start(Id, Elected) ->
    spawn(fun() -> receive {next, Next} -> node(Id, Next, Elected) end end).

node(Id, Next, Elected) ->
    receive
        start ->
            Next ! {election, Id},
            node(Id, Next, Elected);
        {election, J} when J > Id ->
            Next ! {election, J},
            node(Id, Next, Elected);
        {election, J} when J < Id ->
            Next ! {election, Id},
            node(Id, Next, Elected);
        {election, Id} ->
            Elected(Id),
            Next ! {elected, Id},
            node(Id, Next, Elected);
        {elected, Id} ->
            node(Id, Next, Elected);
        {elected, Leader} ->
            Elected(Leader),
            Next ! {elected, Leader},
            node(Id, Next, Elected)
    end.
