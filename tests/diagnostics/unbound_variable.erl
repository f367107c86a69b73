-module(unbound_variable).
-export([area/1]).

area(Width) ->
    Width * Height.
