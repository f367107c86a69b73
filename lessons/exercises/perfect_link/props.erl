%% A perfect link's properties, over the driver's emissions:
%%   {plan, [{From, To, M}]}: every message the processes will send, by
%%     name, emitted before anything is sent (so all count as sent; a
%%     message planned twice is two messages);
%%   {pid, Name, Pid}: as each process starts;
%%   {deliver, At, From, M}: a delivery at process At of M from From, as
%%     the link gave it (a pid; a term that is no process's pid is
%%     {unknown, From}).
-module(props).
-export([always_no_creation/1, always_no_duplication/1,
         eventually_reliable_delivery/1]).

%% Every delivery is of a message its sender sent to the receiver.
always_no_creation(E) ->
    Plan = plan(E),
    lists:all(fun({At, From, M}) -> lists:member({From, At, M}, Plan) end,
              deliveries(E)).

%% No message is delivered more often than it was sent.
always_no_duplication(E) ->
    Plan = plan(E),
    Ds = deliveries(E),
    lists:all(fun({At, From, M} = D) -> count(D, Ds) =< count({From, At, M}, Plan) end,
              lists:usort(Ds)).

%% Every message sent is delivered (as often as it was sent).
eventually_reliable_delivery(E) ->
    Plan = plan(E),
    Ds = deliveries(E),
    Plan =/= [] andalso
        lists:all(fun({From, To, M} = S) -> count({To, From, M}, Ds) >= count(S, Plan) end,
                  lists:usort(Plan)).

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
