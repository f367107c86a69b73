%% Two-phase commit. The main process is the coordinator; it starts N
%% resource managers. Each manager votes with pidlab:choose/1, so the
%% checker tries every vote. The coordinator commits only if every vote
%% is prepared. Emits {vote, I, Vote}, {decide, D} and {outcome, I, D}.
-module(tpc).
-export([main/0, main/1]).

main() ->
    main(["3"]).

%% pidlab calls main/1 with [] when no arguments are given.
main([]) ->
    main(["3"]);
main([N | _]) ->
    coordinator(list_to_integer(N)).

coordinator(N) ->
    Managers = [spawn(fun() -> manager(I) end) || I <- lists:seq(1, N)],
    [M ! {prepare, self()} || M <- Managers],
    Votes = collect(N, []),
    Decision = case lists:all(fun(V) -> V =:= prepared end, Votes) of
                   true -> commit;
                   false -> abort
               end,
    pidlab:emit({decide, Decision}),
    [M ! {decision, Decision} || M <- Managers],
    ok.

%% Waits for N votes, in any order.
collect(0, Votes) ->
    Votes;
collect(N, Votes) ->
    receive
        {vote, _From, Vote} -> collect(N - 1, [Vote | Votes])
    end.

manager(I) ->
    receive
        {prepare, Coord} ->
            Vote = pidlab:choose([prepared, aborted]),
            pidlab:emit({vote, I, Vote}),
            Coord ! {vote, self(), Vote},
            receive
                {decision, Decision} ->
                    pidlab:emit({outcome, I, Decision})
            end
    end.
