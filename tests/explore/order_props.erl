%% The shell transcript's property: the first message received is one.
-module(order_props).
-export([always_one_first/1]).

always_one_first(E) ->
    not lists:member({order, two, one}, E).
