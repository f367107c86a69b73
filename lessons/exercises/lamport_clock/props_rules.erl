%% The lecture's rules, event by event.
-module(props_rules).
-export([always_starts_at_zero/1, always_local_ticks/1, always_send_ticks/1,
         always_receive_takes_the_max/1, sometimes_finished/1]).

always_starts_at_zero(E) ->
    lists:all(fun(T) -> T =:= 0 end, [T || {new, _, T} <- E]).

always_local_ticks(E) ->
    lists:all(fun({B, A}) -> is_integer(B) andalso A =:= B + 1 end,
              [{B, A} || {local, _, B, A, _} <- E]).

always_send_ticks(E) ->
    lists:all(fun({B, S, A}) -> is_integer(B) andalso S =:= B + 1 andalso A =:= B + 1 end,
              [{B, S, A} || {send, _, B, S, A, _} <- E]).

always_receive_takes_the_max(E) ->
    lists:all(fun({B, T, A}) -> is_integer(B) andalso A =:= max(B, T) + 1 end,
              [{B, T, A} || {recv, _, B, T, A, _} <- E]).

%% The run can end: a clock that loops or waits never gets here.
sometimes_finished(E) -> lists:member(finished, E).
