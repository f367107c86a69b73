%% compare/2 against happens-before as pidlab computes it. The driver
%% emits {events, [{Label, Vc}]}, pidlab's vector clock of every event,
%% then {compared, [{La, Lb, Got}]}: what compare/2 said about the stamps
%% of La and Lb, for every pair.
-module(props_hb).
-export([always_before_exactly_when_happens_before/1,
         always_after_exactly_when_happens_after/1,
         always_concurrent_exactly_when_concurrent/1,
         always_equal_exactly_for_the_same_event/1]).

always_before_exactly_when_happens_before(E) -> agrees(before, E).
always_after_exactly_when_happens_after(E) -> agrees('after', E).
always_concurrent_exactly_when_concurrent(E) -> agrees(concurrent, E).
always_equal_exactly_for_the_same_event(E) -> agrees(equal, E).

%% For every pair: compare/2 answered Answer exactly when pidlab's
%% clocks say Answer.
agrees(Answer, E) ->
    case [Cs || {compared, Cs} <- E] of
        [] ->
            true;
        [Cs | _] ->
            [Vs | _] = [Vs || {events, Vs} <- E],
            Vcs = maps:from_list(Vs),
            lists:all(fun({La, Lb, Got}) ->
                              Truth = order(maps:get(La, Vcs), maps:get(Lb, Vcs)),
                              (Got =:= Answer) =:= (Truth =:= Answer)
                      end, Cs)
    end.

order(Va, Vb) when Va =:= Vb -> equal;
order(Va, Vb) ->
    case {below(Va, Vb), below(Vb, Va)} of
        {true, _} -> before;
        {_, true} -> 'after';
        _ -> concurrent
    end.

%% Every entry of Va at most the same entry of Vb (a missing entry is 0).
below(Va, Vb) ->
    maps:fold(fun(P, N, Acc) -> Acc andalso N =< maps:get(P, Vb, 0) end, true, Va).
