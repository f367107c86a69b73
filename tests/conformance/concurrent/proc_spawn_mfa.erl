%% spawn/3 and spawn_link/3 start exported functions with an argument list.
-module(proc_spawn_mfa).
-export([main/0, worker/2, linked/1]).

worker(Parent, N) -> Parent ! {result, self(), N * N}.

linked(Reason) -> exit(Reason).

main() ->
    Pids = [spawn(?MODULE, worker, [self(), N]) || N <- [3, 4, 5]],
    [receive {result, P, V} -> io:format("~p~n", [V]) end || P <- Pids],
    process_flag(trap_exit, true),
    L = spawn_link(?MODULE, linked, [{mfa, done}]),
    receive {'EXIT', L, R} -> io:format("linked: ~p~n", [R]) end,
    {M, Ref} = spawn_monitor(lists, reverse, [[1, 2, 3]]),
    receive {'DOWN', Ref, process, M, R2} -> io:format("lists:reverse process: ~p~n", [R2]) end.
