%% A perfect failure detector's properties, over the driver's emissions:
%% {scenario, Names, Crashes} first, with Crashes [{Name, Time}] the
%% crashes the check plans, then {suspect, By, Suspected, Time} for every
%% notice a user got, Time when it arrived.
-module(props).
-export([always_strong_accuracy/1, always_each_suspicion_told_once/1,
         eventually_strong_completeness/1]).

%% No node is suspected before it crashes: a notice about a node that
%% never crashes, or that arrived before the crash, is wrong.
always_strong_accuracy(E) ->
    Crashes = crashes(E),
    lists:all(fun({_By, Q, T}) ->
                      case lists:keyfind(Q, 1, Crashes) of
                          {Q, At} -> T >= At;
                          false -> false
                      end
              end, notices(E)).

%% A node tells its user of each suspicion once.
always_each_suspicion_told_once(E) ->
    Ns = [{By, Q} || {By, Q, _} <- notices(E)],
    length(Ns) =:= length(lists:usort(Ns)).

%% Every crashed node is suspected by every node that did not crash, by
%% the end of the scenario. (The driver ends the scenario at the first
%% notice that breaks accuracy; such a run says nothing on completeness.)
eventually_strong_completeness(E) ->
    case [N || {scenario, N, _} <- E] of
        [Names | _] ->
            Crashes = crashes(E),
            Ns = [{By, Q} || {By, Q, _} <- notices(E)],
            Correct = [N || N <- Names, not lists:keymember(N, 1, Crashes)],
            not always_strong_accuracy(E) orelse
                lists:all(fun(Pair) -> lists:member(Pair, Ns) end,
                          [{W, Q} || W <- Correct, {Q, _} <- Crashes]);
        [] ->
            false
    end.

crashes(E) -> lists:append([C || {scenario, _, C} <- E]).

notices(E) -> [{By, Q, T} || {suspect, By, Q, T} <- E].
