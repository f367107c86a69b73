%% A collector waits for three numbers sent by three senders and keeps them
%% in the order they arrived. Then it emits {got, List} and waits forever,
%% still holding the list, so each arrival order ends in its own state.
-module(collector).
-export([main/0]).

main() ->
    C = spawn(fun() -> collect(3, []) end),
    [spawn(fun() -> C ! N end) || N <- [1, 2, 3]],
    ok.

collect(0, List) ->
    pidlab:emit({got, List}),
    %% Nothing sends never; returning List keeps it alive while we wait.
    receive
        never -> List
    end;
collect(N, List) ->
    receive
        X when is_integer(X) -> collect(N - 1, List ++ [X])
    end.
