%% What a leader election on a ring must achieve, over what driver.erl
%% emits: every node learns the same leader, once, and it is the node
%% with the largest id.
-module(props).
-export([always_learns_at_most_once/1, always_one_leader/1,
         always_leader_has_the_largest_id/1, always_nodes_keep_running/1,
         eventually_everyone_knows_the_leader/1]).

%% No node calls Elected twice.
always_learns_at_most_once(E) ->
    lists:all(fun(L) -> length(L) =< 1 end, [L || {learned, _, L} <- E]).

%% All the nodes that learned a leader learned the same one.
always_one_leader(E) ->
    length(lists:usort(learned(E))) =< 1.

%% The leader is the node with the largest id.
always_leader_has_the_largest_id(E) ->
    Ids = [Id || {ring, Ring} <- E, {_, Id} <- Ring],
    lists:all(fun(L) -> L =:= lists:max(Ids) end, learned(E)).

%% A node's process never ends by itself.
always_nodes_keep_running(E) ->
    [x || {ended, _, _} <- E] =:= [].

%% Once all is quiet, every node has learned a leader.
eventually_everyone_knows_the_leader(E) ->
    lists:member(quiet, E) andalso
        lists:all(fun({P, _}) -> lists:any(fun({learned, Q, L}) -> Q =:= P andalso L =/= [];
                                              (_) -> false
                                           end, E)
                  end,
                  [N || {ring, Ring} <- E, N <- Ring]).

learned(E) ->
    [Leader || {learned, _, L} <- E, Leader <- L].
