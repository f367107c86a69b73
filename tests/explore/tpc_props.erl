%% Properties of two-phase commit (tpc.erl, tpc_bug.erl), over the list of
%% emitted terms in order.
-module(tpc_props).
-export([always_consistent/1, sometimes_committed/1, eventually_decided/1]).

%% Every decision and every outcome is the same, and nothing commits
%% when some manager voted aborted.
always_consistent(E) when is_list(E) ->
    Decisions = [D || {decide, D} <- E] ++ [D || {outcome, _, D} <- E],
    Aborted = [I || {vote, I, aborted} <- E],
    length(lists:usort(Decisions)) =< 1
        andalso not (lists:member(commit, Decisions) andalso Aborted =/= []);
always_consistent(_) ->
    false.

%% Some execution commits.
sometimes_committed(E) when is_list(E) ->
    lists:member({decide, commit}, E);
sometimes_committed(_) ->
    false.

%% Every execution reaches a decision.
eventually_decided(E) when is_list(E) ->
    [D || {decide, D} <- E] =/= [];
eventually_decided(_) ->
    false.
