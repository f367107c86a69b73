-module(notes).
-export([start/0]).

%% Dan is spawned first (p2), then Eva (p3), then Fay (p4).
start() ->
    Dan = spawn(fun() -> dan(2) end),
    spawn(fun() -> eva(Dan) end),
    spawn(fun() -> fay(Dan) end),
    ok.

eva(Dan) ->
    Dan ! {note, eva}.

%% Each pidlab:emit/1 is a local event: it changes nothing outside Fay.
fay(Dan) ->
    pidlab:emit(think),
    pidlab:emit(think),
    pidlab:emit(think),
    Dan ! {note, fay}.

%% Reads N notes, then stops.
dan(0) ->
    done;
dan(N) ->
    receive
        {note, _From} -> dan(N - 1)
    end.
