%% Drives ring_election. It starts one node per id (registered as n<Id>,
%% e.g. n3 for id 3), links them into a ring in the order given (each
%% node's next is the one after it, and the last one's is the first),
%% tells some of them to start an election, and lets a watcher report
%% what every node learned once nothing more can happen. It emits:
%%   {ring, [{Pid, Id}, ...]}   the nodes in ring order
%%   {start, Pid}               for each node that will be told to start
%%                              (all of them before any is told)
%% and once the run is quiet, node by node in ring order:
%%   {learned, Pid, [Leader, ...]}  the ids it was told, in order, by
%%                              calling Elected (one, in a correct run)
%%   {crashed, Pid}             it crashed (a fault the explorer injected)
%%   {ended, Pid, Reason}       its process ended by itself
%% and last of all `quiet`.
%%
%% As in the broadcast exercises, Elected records what a node learns in
%% its own process dictionary, and the watcher reads it at the end, so
%% that the order in which nodes learn does not multiply the states.
-module(driver).
-export([main/1]).

-define(KEY, '$elected').

main(["one"]) ->
    run([1, 3, 2], [1]);
main(["two"]) ->
    run([1, 3, 2], [1, 2]);
main(["four"]) ->
    run([2, 4, 1, 3], [2, 4, 1, 3]).

%% Ids: the nodes' ids in ring order. Starters: the ids of the nodes told
%% to start, in the order they are told.
run(Ids, Starters) ->
    Ring = [{start(Id), Id} || Id <- Ids],
    pidlab:emit({ring, Ring}),
    Pids = [P || {P, _} <- Ring],
    Starts = [P || S <- Starters, {P, Id} <- Ring, Id =:= S],
    [pidlab:emit({start, P}) || P <- Starts],
    W = spawn(fun() -> [erlang:monitor(process, P) || P <- Pids], watch(Pids, []) end),
    register(watcher, W),
    wait_until_waiting(W),
    [P ! {next, Next} || {P, Next} <- lists:zip(Pids, tl(Pids) ++ [hd(Pids)])],
    [P ! start || P <- Starts],
    ok.

start(Id) ->
    P = ring_election:start(Id, fun elected/1),
    register(list_to_atom("n" ++ integer_to_list(Id)), P),
    P.

%% The Elected fun given to every node: runs in the node's process.
elected(Leader) ->
    Before = case get(?KEY) of
                 undefined -> [];
                 L -> L
             end,
    put(?KEY, [Leader | Before]).

wait_until_waiting(W) ->
    case erlang:process_info(W, status) of
        {status, waiting} -> ok;
        _ -> wait_until_waiting(W)
    end.

%% Under pidlab's default timing, time moves on only when no process can
%% run and no message is on its way: the timeout fires when all is quiet.
watch(Pids, Downs) ->
    receive
        {'DOWN', _, process, P, Reason} ->
            watch(Pids, [{P, Reason} | Downs])
    after 1000 ->
        [report(P, Downs) || P <- Pids],
        pidlab:emit(quiet)
    end.

report(P, Downs) ->
    case erlang:process_info(P, dictionary) of
        {dictionary, D} ->
            pidlab:emit({learned, P, lists:reverse(proplists:get_value(?KEY, D, []))});
        undefined ->
            case proplists:get_value(P, Downs, crashed) of
                Crash when Crash =:= crashed; Crash =:= noproc -> pidlab:emit({crashed, P});
                Reason -> pidlab:emit({ended, P, Reason})
            end
    end.
