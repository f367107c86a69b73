%% A stubborn link's properties, over the driver's emissions:
%%   {plan, [{From, To, M}]}: every message the processes will send, by
%%     name, emitted before anything is sent (so all count as sent);
%%   {pid, Name, Pid}: as each process starts;
%%   {deliver, At, From, M}: a delivery at process At of M from From, as
%%     the link gave it (a pid; a term that is no process's pid is
%%     {unknown, From}).
-module(props).
-export([always_no_creation/1, eventually_every_message_delivered/1,
         eventually_every_message_delivered_again/1]).

%% Every delivery is of a message its sender sent to the receiver.
always_no_creation(E) ->
    Plan = plan(E),
    lists:all(fun({At, From, M}) -> lists:member({From, At, M}, Plan) end,
              deliveries(E)).

%% Every message sent is delivered.
eventually_every_message_delivered(E) ->
    at_least(1, E).

%% Stubborn delivery, as a finite run can show it: a copy is sent at once
%% and at each of two timeouts, at most one of the three is lost, so every
%% message is delivered at least twice.
eventually_every_message_delivered_again(E) ->
    at_least(2, E).

at_least(K, E) ->
    Ds = deliveries(E),
    Plan = plan(E),
    Plan =/= [] andalso
        lists:all(fun({From, To, M}) -> count({To, From, M}, Ds) >= K end, Plan).

plan(E) -> lists:append([P || {plan, P} <- E]).

%% {At, From, M}, with From by name.
deliveries(E) ->
    Names = [{Pid, Name} || {pid, Name, Pid} <- E],
    [{At, name(From, Names), M} || {deliver, At, From, M} <- E].

name(From, Names) ->
    case lists:keyfind(From, 1, Names) of
        {_, Name} -> Name;
        false -> {unknown, From}
    end.

count(X, L) -> length([Y || Y <- L, Y =:= X]).
