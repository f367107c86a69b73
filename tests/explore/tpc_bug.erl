%% Two-phase commit with a bug: the coordinator decides on the first vote
%% it receives. A prepared vote first means commit at once, even if a
%% later vote is aborted. Emits the same terms as tpc.erl.
-module(tpc_bug).
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
    %% The bug: only the first vote counts; the others are never read.
    Decision = receive
                   {vote, _From, prepared} -> commit;
                   {vote, _From, aborted} -> abort
               end,
    pidlab:emit({decide, Decision}),
    [M ! {decision, Decision} || M <- Managers],
    ok.

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
