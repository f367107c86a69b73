%% Drives lamport_clock from processes and emits every event with the
%% times before and after it and pidlab's own vector clock, for the
%% property modules to judge.
-module(driver).
-export([main/1]).

main(["local"]) ->
    C0 = lamport_clock:new(),
    pidlab:emit({new, a, lamport_clock:time(C0)}),
    C1 = local(a, C0),
    C2 = local(a, C1),
    _ = local(a, C2),
    ok;
main(["pair"]) ->
    run([{a, 3}, {b, 1}], [{a, b}, {b, a}]);
main(["three"]) ->
    run([{a, 1}, {b, 4}, {c, 2}], [{a, b}, {b, c}, {c, a}, {a, c}]).

%% Each named process does its number of local events, sends to its
%% targets in the plan, then receives what the plan sends it, and does
%% one more local event. The processes' clocks run at different paces,
%% so a receive's timestamp is sometimes ahead of the receiver.
run(Names, Plan) ->
    Me = self(),
    Pids = [{N, spawn(fun() -> node(N, K, Plan, Me) end)} || {N, K} <- Names],
    [P ! {peers, Pids} || {_, P} <- Pids],
    [receive {done, N} -> ok end || {N, _} <- Names],
    ok.

node(Name, Locals, Plan, Main) ->
    receive {peers, Pids} -> ok end,
    C0 = lamport_clock:new(),
    pidlab:emit({new, Name, lamport_clock:time(C0)}),
    C1 = lists:foldl(fun(_, C) -> local(Name, C) end, C0, lists:seq(1, Locals)),
    Targets = [proplists:get_value(To, Pids) || {From, To} <- Plan, From =:= Name],
    C2 = lists:foldl(fun(P, C) -> send(Name, P, C) end, C1, Targets),
    Incoming = length([x || {_, To} <- Plan, To =:= Name]),
    C3 = lists:foldl(fun(_, C) -> recv(Name, C) end, C2, lists:seq(1, Incoming)),
    _ = local(Name, C3),
    Main ! {done, Name}.

local(N, C) ->
    C1 = lamport_clock:local(C),
    pidlab:emit({local, N, lamport_clock:time(C), lamport_clock:time(C1), pidlab:vc()}),
    C1.

send(N, To, C) ->
    {T, C1} = lamport_clock:send(C),
    To ! {msg, T},
    pidlab:emit({send, N, lamport_clock:time(C), T, lamport_clock:time(C1), pidlab:vc()}),
    C1.

recv(N, C) ->
    receive
        {msg, T} ->
            C1 = lamport_clock:recv(C, T),
            pidlab:emit({recv, N, lamport_clock:time(C), T, lamport_clock:time(C1), pidlab:vc()}),
            C1
    end.
