-module(server).
-export([start/0, loop/0]).
start() -> spawn(fun loop/0).
loop() -> receive {From, M} -> From ! {echo, M}, loop() end.
