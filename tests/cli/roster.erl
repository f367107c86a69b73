-module(roster).
-export([main/0]).

%% Three processes: main (p1), a worker (p2), and p3, which main registers
%% as server. The name goes when the server ends, before the run does.
main() ->
    spawn(fun() -> ok end),
    {S, Ref} = spawn_monitor(fun() -> receive stop -> ok end end),
    register(server, S),
    S ! stop,
    receive {'DOWN', Ref, process, S, normal} -> ok end.
