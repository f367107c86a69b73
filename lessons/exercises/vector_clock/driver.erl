%% Drives vector_clock.
%%
%% "rules": one process builds clocks for three owners and asks compare/2
%% about stamps whose order the rules decide; it emits {rule, Rule, Got,
%% Expected, Case}: what compare/2 said, what it should have said, and
%% which case it was.
%%
%% "pair" and "three": processes follow scripts of local events, sends
%% and receives. Each keeps its clock as a value and notes, for every
%% event, the stamp its clock gave the event and the vector clock pidlab
%% gave the same event. At the end the main process asks compare/2 about
%% every pair of events and emits the answers, after pidlab's clocks,
%% for props_hb to judge. The main process does no clock events and only
%% starts and collects the others, so pidlab's happens-before between the
%% scripts' events is exactly the one the scripts' messages make.
-module(driver).
-export([main/1]).

main(["rules"]) ->
    rules();
main(["pair"]) ->
    %% Here a clock is named by an atom.
    run([{a, fun(N) -> N end,
          [local, {send, b}, recv, {send, b}, local]},
         {b, fun(N) -> N end,
          [{send, a}, local, recv, recv, local]}]);
main(["three"]) ->
    %% Here a clock is named by its process's pid.
    run([{a, fun(_) -> self() end,
          [local, {send, b}, {send, c}, recv, local]},
         {b, fun(_) -> self() end,
          [recv, {send, c}, local, recv]},
         {c, fun(_) -> self() end,
          [local, recv, recv, {send, a}, {send, b}, local]}]).

%% ---------------------------------------------------------------------
%% The rules, on clocks as values.

rules() ->
    A0 = vector_clock:new(a),
    B0 = vector_clock:new({node, b}),
    C0 = vector_clock:new("c"),
    S = fun vector_clock:stamp/1,
    check(new, 'two new clocks', S(A0), S(B0), equal),
    check(new, 'a stamp and itself', S(A0), S(A0), equal),
    A1 = vector_clock:local(A0),
    check(local, 'a new clock, then a local event', S(A0), S(A1), before),
    check(local, 'a local event, then a new clock', S(A1), S(A0), 'after'),
    A2 = vector_clock:local(A1),
    check(local, 'two local events', S(A1), S(A2), before),
    check(local, 'a local event of a, a new clock of b', S(A2), S(B0), 'after'),
    B1 = vector_clock:local(B0),
    check(local, 'local events of two owners', S(A2), S(B1), concurrent),
    {T1, A3} = vector_clock:send(A2),
    check(send, 'the stamp of a send and the clock after it', T1, S(A3), equal),
    check(send, 'the event before a send, and the send', S(A2), T1, before),
    {T2, A4} = vector_clock:send(A3),
    check(send, 'two sends', T1, T2, before),
    check(send, 'a send and a concurrent local event', T2, S(B1), concurrent),
    %% b receives a's first message.
    B2 = vector_clock:recv(B1, T1),
    check(recv, 'a send and its receive', T1, S(B2), before),
    check(recv, 'the receiver\'s event before the receive, and the receive',
          S(B1), S(B2), before),
    check(recv, 'a later send of the sender, and the receive', T2, S(B2), concurrent),
    check(recv, 'a later event of the sender, and the receive',
          S(vector_clock:local(A4)), S(B2), concurrent),
    %% c, which has heard of nothing, receives a's second message: it
    %% must still tick its own entry.
    C1 = vector_clock:recv(C0, T2),
    check(recv, 'a send and its receive by a new clock', T2, S(C1), before),
    check(recv, 'an earlier send of the sender, and the receive', T1, S(C1), before),
    check(recv, 'two receives of different messages', S(B2), S(C1), concurrent),
    %% c passes on what it knows to b: a message that carries
    %% second-hand news of a, and an old message that carries none.
    {T3, C2} = vector_clock:send(C1),
    B3 = vector_clock:recv(B2, T3),
    check(recv, 'news of a through c', T2, S(B3), before),
    check(recv, 'c\'s send and b\'s receive', T3, S(B3), before),
    B4 = vector_clock:recv(B3, T1),
    check(recv, 'an old message again: the receive still ticks', S(B3), S(B4), before),
    check(recv, 'what b knew before an old message, it still knows', T3, S(B4), before),
    check(recv, 'c\'s later events are not in b\'s past', S(vector_clock:local(C2)), S(B4),
          concurrent),
    %% c receives a message from b, who knows less of a than c does.
    {T4, _} = vector_clock:send(vector_clock:local(B0)),
    C3 = vector_clock:recv(C2, T4),
    check(recv, 'a receive keeps the receiver\'s own news of a', T2, S(C3), before),
    check(recv, 'a receive keeps the receiver\'s own past', S(C2), S(C3), before),
    ok.

check(Rule, Case, X, Y, Expected) ->
    pidlab:emit({rule, Rule, vector_clock:compare(X, Y), Expected, Case}).

%% ---------------------------------------------------------------------
%% Processes and happens-before.

run(Scripts) ->
    Main = self(),
    Pids = [{Name, spawn(fun() -> node(Name, Owner, Script, Main) end)}
            || {Name, Owner, Script} <- Scripts],
    [P ! {peers, Pids} || {_, P} <- Pids],
    Events = lists:append([receive {done, Name, Evs} -> Evs end
                           || {Name, _, _} <- Scripts]),
    pidlab:emit({events, [{Label, Vc} || {Label, _, Vc} <- Events]}),
    pidlab:emit({compared, [{La, Lb, vector_clock:compare(Sa, Sb)}
                            || {La, Sa, _} <- Events, {Lb, Sb, _} <- Events]}),
    ok.

node(Name, Owner, Script, Main) ->
    receive {peers, Pids} -> ok end,
    C0 = vector_clock:new(Owner(Name)),
    {_, _, Evs} = lists:foldl(fun(Step, Acc) -> step(Name, Step, Acc, Pids) end,
                              {C0, 1, []}, Script),
    Main ! {done, Name, lists:reverse(Evs)}.

%% One step of a script. The events noted so far are
%% {{Name, K, Kind}, Stamp, PidlabVc}: the label says whose K-th event it
%% is. pidlab:vc() is the vector clock of the process's latest event: the
%% emit that stands for a local event, the send, the receive.
step(Name, local, {C, K, Evs}, _Pids) ->
    C1 = vector_clock:local(C),
    pidlab:emit({local, Name, K}),
    {C1, K + 1, [{{Name, K, local}, vector_clock:stamp(C1), pidlab:vc()} | Evs]};
step(Name, {send, To}, {C, K, Evs}, Pids) ->
    {Stamp, C1} = vector_clock:send(C),
    proplists:get_value(To, Pids) ! {msg, Stamp},
    {C1, K + 1, [{{Name, K, send}, Stamp, pidlab:vc()} | Evs]};
step(Name, recv, {C, K, Evs}, _Pids) ->
    receive
        {msg, Stamp} ->
            Vc = pidlab:vc(),
            C1 = vector_clock:recv(C, Stamp),
            {C1, K + 1, [{{Name, K, recv}, vector_clock:stamp(C1), Vc} | Evs]}
    end.
