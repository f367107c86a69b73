%% The rules, case by case: the driver emits {rule, Rule, Got, Expected,
%% Case} for each comparison it asked compare/2 about.
-module(props_rules).
-export([always_new_clocks_are_equal/1, always_local_ticks_own_entry/1,
         always_send_ticks_and_stamps/1, always_receive_takes_max_then_ticks/1]).

always_new_clocks_are_equal(E) -> rule(new, E).
always_local_ticks_own_entry(E) -> rule(local, E).
always_send_ticks_and_stamps(E) -> rule(send, E).
always_receive_takes_max_then_ticks(E) -> rule(recv, E).

rule(Rule, E) ->
    lists:all(fun({Got, Expected}) -> Got =:= Expected end,
              [{G, X} || {rule, R, G, X, _Case} <- E, R =:= Rule]).
