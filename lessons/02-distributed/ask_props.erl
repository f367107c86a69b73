%% The property the explorer checks for ask.erl: in every execution, the
%% client ends up with the answer 42.
-module(ask_props).
-export([eventually_answered/1]).

eventually_answered(Emitted) ->
    lists:member({answer, 42}, Emitted).
