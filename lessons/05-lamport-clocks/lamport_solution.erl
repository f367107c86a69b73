%% Lamport clocks kept by hand. Ann and Ben each keep a clock, an integer
%% that starts at 0, and move it on at every event with the functions at
%% the bottom. Each event is emitted as {Who, Event, Time} for the
%% explorer; a message carries the time of its send.
-module(lamport).
-export([main/0]).

main() ->
    Ben = spawn(fun() -> ben(0) end),
    spawn(fun() -> ann(Ben, 0) end),
    ok.

%% Ann works once, sends Ben message 1 and waits for his answer.
ann(Ben, C0) ->
    C1 = local(ann, C0),
    C2 = send(ann, Ben, 1, C1),
    {_, C3} = recv(ann, C2),
    local(ann, C3).

%% Ben works three times, then receives Ann's message and answers it
%% with message 2.
ben(C0) ->
    C1 = local(ben, C0),
    C2 = local(ben, C1),
    C3 = local(ben, C2),
    {Ann, C4} = recv(ben, C3),
    send(ben, Ann, 2, C4).

%% A local event.
local(Who, C) ->
    T = C + 1,
    pidlab:emit({Who, local, T}),
    T.

%% Sending message N is an event; the message carries its time.
send(Who, To, N, C) ->
    T = C + 1,
    pidlab:emit({Who, {send, N}, T}),
    To ! {msg, N, self(), T},
    T.

%% Receiving a message is an event; its time comes from on_receive/2.
recv(Who, C) ->
    receive
        {msg, N, From, Stamp} ->
            T = on_receive(C, Stamp),
            pidlab:emit({Who, {recv, N}, T}),
            {From, T}
    end.

%% The time of a receive, from the process's clock C and the time Stamp
%% that the message carries.
on_receive(C, Stamp) ->
    max(C, Stamp) + 1.
