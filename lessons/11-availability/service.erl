%% A replicated service: three replicas, registered as r1, r2 and r3,
%% each of which answers {ping, From} with {pong, Name}. Any one of them
%% can serve a client. A replica emits {up, Name} whenever it starts,
%% and so again after a recovery.
-module(service).
-export([main/1, run/1, start/0]).

%% pidlab run service.erl [MS]: the service for MS milliseconds of
%% virtual time (1000 if not given).
main([]) -> run(1000);
main([Ms]) -> run(list_to_integer(Ms)).

%% Starts the replicas, then waits Ms milliseconds.
run(Ms) ->
    start(),
    receive after Ms -> ok end.

%% The replicas are p2, p3 and p4 when the caller is p1.
start() ->
    [register(Name, spawn(fun() -> replica(Name) end)) || Name <- [r1, r2, r3]],
    ok.

replica(Name) ->
    pidlab:emit({up, Name}),
    loop(Name).

loop(Name) ->
    receive
        {ping, From} ->
            From ! {pong, Name},
            loop(Name)
    end.
