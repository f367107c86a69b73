-module(ring_election).
-export([start/2]).

%% Chang and Roberts. A node that starts sends its id round the ring. A
%% node passes on an id larger than its own; replaces a smaller one by
%% its own the first time it takes part, and drops it afterwards. The
%% node whose own id comes back is the leader: it sends {elected, Id}
%% round, and every node learns it as it passes.
start(Id, Elected) ->
    spawn(fun() -> receive {next, Next} -> node(Id, Next, Elected, idle) end end).

%% Part: idle (has not taken part yet), taking_part, or done (knows the
%% leader).
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
        {elected, Id} ->
            node(Id, Next, Elected, done);
        {elected, Leader} ->
            Elected(Leader),
            Next ! {elected, Leader},
            node(Id, Next, Elected, done)
    end.

joined(idle) -> taking_part;
joined(Part) -> Part.
