%% Drives lamport_clock from processes and emits every event with the
%% times before and after it and pidlab's own vector clock, for the
%% property modules to judge; `finished` once every process is done.
-module(driver).
-export([main/1]).

main(["local"]) ->
    C0 = lamport_clock:new(),
    pidlab:emit({new, a, lamport_clock:time(C0)}),
    C1 = local(a, C0),
    C2 = local(a, C1),
    _ = local(a, C2),
    pidlab:emit(finished);
main(["pair"]) ->
    run([{a, 2}, {b, 0}], [{a, b}, {b, a}]);
main(["three"]) ->
    run([{a, 1}, {b, 4}, {c, 2}], [{a, b}, {b, c}, {c, a}, {a, c}]).

%% Each named process does its number of local events, sends to its
%% targets in the plan, then receives what the plan sends it. The
%% processes' clocks run at different paces,
%% so a receive's timestamp is sometimes ahead of the receiver.
run(Names, Plan) ->
    Me = self(),
    Pids = [{N, spawn(fun() -> node(N, K, Plan, Me) end)} || {N, K} <- Names],
    [P ! {peers, Pids} || {_, P} <- Pids],
    [receive {done, N} -> ok end || {N, _} <- Names],
    pidlab:emit(finished).

node(Name, Locals, Plan, Main) ->
    receive {peers, Pids} -> ok end,
    C0 = lamport_clock:new(),
    pidlab:emit({new, Name, lamport_clock:time(C0)}),
    C1 = lists:foldl(fun(_, C) -> local(Name, C) end, C0, lists:seq(1, Locals)),
    Targets = [proplists:get_value(To, Pids) || {From, To} <- Plan, From =:= Name],
    C2 = lists:foldl(fun(P, C) -> send(Name, P, C) end, C1, Targets),
    Incoming = length([x || {_, To} <- Plan, To =:= Name]),
    _ = lists:foldl(fun(_, C) -> recv(Name, C) end, C2, lists:seq(1, Incoming)),
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
