%% Drives eager_reliable_broadcast. It starts the members (registered as a,
%% b, c), tells each who the members are, asks some of them to broadcast,
%% and lets a watcher report what every member delivered once nothing
%% more can happen. It emits:
%%   {members, All}            the members' pids, in the order of All
%%   {broadcast, P, Msg}       for each message member P will be asked to
%%                             broadcast (all of them before any is asked)
%% and once the run is quiet, member by member in the order of All:
%%   {delivered, Q, [{P, Msg}, ...]}   what Q delivered, in its order
%%   {crashed, Q}              Q crashed (a fault the explorer injected)
%%   {ended, Q, Reason}        Q's process ended by itself
%% and last of all `quiet`.
%%
%% To keep the state space small, a delivery is no event of its own: the
%% Deliver fun records it in the member's process dictionary, where the
%% watcher reads it at the end (erlang:process_info/2). The watcher is
%% waiting before the members get any message, and the main process
%% returns right after its last send, so neither adds interleavings.
-module(driver).
-export([main/1]).

-define(KEY, '$delivered').

main(["one"]) ->
    run([a, b, c], [{a, hello}]);
main(["same"]) ->
    run([a, b, c], [{a, hello}, {b, hello}]).

%% Names: the members, by registered name. Plan: who broadcasts what, in
%% the order the requests are sent.
run(Names, Plan) ->
    All = [start(N) || N <- Names],
    pidlab:emit({members, All}),
    Requests = [{whereis(N), Msg} || {N, Msg} <- Plan],
    [pidlab:emit({broadcast, P, Msg}) || {P, Msg} <- Requests],
    W = spawn(fun() -> [erlang:monitor(process, P) || P <- All], watch(All, []) end),
    register(watcher, W),
    wait_until_waiting(W),
    [P ! {members, All} || P <- All],
    [P ! {broadcast, Msg} || {P, Msg} <- Requests],
    ok.

start(Name) ->
    P = eager_reliable_broadcast:start(fun deliver/2),
    register(Name, P),
    P.

%% The Deliver fun given to every member: runs in the member's process.
deliver(Origin, Msg) ->
    Before = case get(?KEY) of
                 undefined -> [];
                 L -> L
             end,
    put(?KEY, [{Origin, Msg} | Before]).

wait_until_waiting(W) ->
    case erlang:process_info(W, status) of
        {status, waiting} -> ok;
        _ -> wait_until_waiting(W)
    end.

%% Under pidlab's default timing, time moves on only when no process can
%% run and no message is on its way: the timeout fires when all is quiet.
watch(All, Downs) ->
    receive
        {'DOWN', _, process, P, Reason} ->
            watch(All, [{P, Reason} | Downs])
    after 1000 ->
        [report(P, Downs) || P <- All],
        pidlab:emit(quiet)
    end.

report(P, Downs) ->
    case erlang:process_info(P, dictionary) of
        {dictionary, D} ->
            pidlab:emit({delivered, P, lists:reverse(proplists:get_value(?KEY, D, []))});
        undefined ->
            %% No news (crash-stop: nobody is told), `crashed` (under
            %% --fail-stop) or `noproc` (it crashed before the watcher
            %% began to watch it) all mean an injected crash.
            case proplists:get_value(P, Downs, crashed) of
                Crash when Crash =:= crashed; Crash =:= noproc -> pidlab:emit({crashed, P});
                Reason -> pidlab:emit({ended, P, Reason})
            end
    end.
