%% Best-effort broadcast over perfect links: the broadcaster sends the
%% message to every process once. If it crashes part-way, some processes
%% never hear the message: best effort gives no agreement.
-module(best_effort_broadcast).
-export([main/0]).

main() ->
    Procs = [spawn(fun() -> member() end) || _ <- [1, 2, 3]],
    B = spawn(fun() -> receive {go, All} -> beb_broadcast(All, hello) end end),
    B ! {go, Procs},
    receive after 1000 -> ok end.

beb_broadcast(All, M) ->
    [P ! {beb, self(), M} || P <- All],
    ok.

member() ->
    receive
        {beb, From, M} ->
            pidlab:emit({deliver, self(), From, M}),
            member()
    end.
