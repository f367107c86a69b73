%% A buggy two-phase commit: the coordinator commits when ANY manager
%% prepared (it should need all of them). Checked inside the program as
%% tpc_check.erl is: a manager that voted aborted and hears commit crashes.

-module(tpc_check_bug).
-export([main/1]).

main([]) ->
    main(["3"]);
main([N | _]) ->
    coordinator(list_to_integer(N)).

coordinator(N) ->
    Managers = [spawn(fun() -> manager() end) || _ <- lists:seq(1, N)],
    [M ! {prepare, self()} || M <- Managers],
    Votes = collect(N, []),
    Decision = case lists:any(fun(V) -> V =:= prepared end, Votes) of
                   true -> commit;
                   false -> abort
               end,
    [M ! {decision, Decision} || M <- Managers],
    ok.

collect(0, Votes) ->
    lists:sort(Votes);
collect(N, Votes) ->
    receive
        {vote, Vote} -> collect(N - 1, [Vote | Votes])
    end.

manager() ->
    receive
        {prepare, Coord} ->
            Vote = pidlab:choose([prepared, aborted]),
            Coord ! {vote, Vote},
            receive
                {decision, commit} when Vote =:= aborted -> erlang:error(inconsistent);
                {decision, _} -> ok
            end
    end.
