%% Drives heartbeat: starts one node per name, each a process registered
%% under its name (so that --crash can name it) that runs
%% heartbeat:node(Peers, User, Period, Delta) once it knows the pids of
%% the others and of its user. Every node has a user process of its own,
%% which emits each {suspect, By, Suspected} it receives, with the time it
%% arrived. (One user for all the nodes would get their notices in every
%% order, and the explorer would have to try them all.) At the end of the
%% scenario the main process sends every node stop.
%%
%% Emits {scenario, Names, Crashes} first (Crashes: [{Name, Time}], the
%% crashes the flags of the check plan, which the driver is told here),
%% then {suspect, ByName, SuspectedName, Time} for every notice.
-module(driver).
-export([main/1]).

%% scenario(Name) -> {Names, Crashes, Period, Delta, End}.
scenario("pair") -> {[a, b], [{b, 45}], 20, 10, 200};
scenario("three") -> {[a, b, c], [{b, 45}], 20, 10, 200};
scenario("slow") -> {[a, b, c], [{c, 70}], 30, 20, 300}.

main([S]) ->
    {Names, Crashes, Period, Delta, End} = scenario(S),
    pidlab:emit({scenario, Names, Crashes}),
    Nodes = [{N, spawn(fun() -> start(N, Period, Delta) end)} || N <- Names],
    [begin
         User = spawn(fun() -> watch(P, Nodes, Crashes) end),
         P ! {peers, [Q || {_, Q} <- Nodes, Q =/= P], User}
     end || {_, P} <- Nodes],
    receive
    after End ->
        [P ! stop || {_, P} <- Nodes],
        ok
    end.

start(Name, Period, Delta) ->
    register(Name, self()),
    receive
        {peers, Peers, User} -> heartbeat:node(Peers, User, Period, Delta)
    end.

%% The user of node Node: emits the notices that arrive. A notice that
%% cannot be right (about a node that has not crashed) stops the node at
%% once: the properties have seen enough.
watch(Node, Nodes, Crashes) ->
    receive
        {suspect, By, Q} ->
            T = erlang:monotonic_time(millisecond),
            Name = name(Q, Nodes),
            pidlab:emit({suspect, name(By, Nodes), Name, T}),
            case lists:keyfind(Name, 1, Crashes) of
                {_, At} when At =< T -> ok;
                _ -> erlang:halt()
            end,
            watch(Node, Nodes, Crashes)
    end.

name(Pid, Nodes) ->
    case lists:keyfind(Pid, 2, Nodes) of
        {N, _} -> N;
        false -> {unknown, Pid}
    end.
