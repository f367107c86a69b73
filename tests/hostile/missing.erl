-module(lamport_clock).
-export([new/0]).
new() -> 0.
