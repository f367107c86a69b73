%% A property in the wrong shape: "both clients are served" written as
%% an always_ property.
-module(served_props).
-export([always_served/1]).

always_served(Emitted) ->
    length([N || {ticket, _, N} <- Emitted]) =:= 2.
