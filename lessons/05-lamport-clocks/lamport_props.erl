%% The clock condition for lamport.erl, over the emitted {Who, Event, Time}.
-module(lamport_props).
-export([always_receive_after_send/1, always_clock_grows/1]).

%% Every message is received at a later time than it was sent.
always_receive_after_send(Emitted) ->
    lists:all(fun({_, {recv, N}, T}) ->
                      lists:any(fun({_, {send, M}, S}) -> M =:= N andalso S < T;
                                   (_) -> false
                                end, Emitted);
                 (_) ->
                      true
              end, Emitted).

%% Each process's events have growing times.
always_clock_grows(Emitted) ->
    Whos = lists:usort([Who || {Who, _, _} <- Emitted]),
    lists:all(fun(Who) -> increasing([T || {W, _, T} <- Emitted, W =:= Who]) end, Whos).

increasing([A, B | Rest]) -> A < B andalso increasing([B | Rest]);
increasing(_) -> true.
