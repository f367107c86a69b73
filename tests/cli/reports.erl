-module(reports).
-export([main/0, boom/1]).

%% Processes that die of an uncaught throw or error: erl logs an error
%% report for each, its exit value printed as ~p. An exit/1 is not
%% reported. Each crash is awaited, so the reports come in this order.
main() ->
    await(spawn_monitor(fun() ->
        throw({a_long_reason, lists:seq(1, 40), "some string here", {nested, [x, y, z], "abc"}})
    end)),
    await(spawn_monitor(fun() ->
        error({badmatch, [{key, "value string"}, {other, lists:seq(100, 130)}]})
    end)),
    await(spawn_monitor(fun() -> exit({file, "not reported.erl"}) end)),
    await(spawn_monitor(?MODULE, boom, [{file, "x.erl"}])),
    %% erl's logger writes asynchronously: give it time before halt().
    timer:sleep(200).

boom(Reason) ->
    error(Reason).

await({Pid, Ref}) ->
    receive {'DOWN', Ref, process, Pid, _} -> ok end.
