%% A code-lock state machine process driven by button messages.
-module(proc_state_machine).
-export([main/0]).

-define(CODE, [1, 2, 3]).

locked(Entered, Log) ->
    receive
        {button, D} ->
            New = Entered ++ [D],
            if
                New =:= ?CODE -> open(Log ++ [opened]);
                length(New) >= length(?CODE) -> locked([], Log ++ [{wrong, New}]);
                true -> locked(New, Log)
            end;
        {report, From} -> From ! {log, Log}
    end.

open(Log) ->
    receive
        lock -> locked([], Log ++ [locked]);
        {button, _} -> open(Log ++ [ignored_while_open]);
        {report, From} -> From ! {log, Log}
    end.

main() ->
    P = spawn(fun() -> locked([], []) end),
    [P ! {button, D} || D <- [3, 2, 1, 1, 2, 3, 9]],
    P ! lock,
    [P ! {button, D} || D <- [1, 2]],
    P ! {report, self()},
    receive {log, L} -> [io:format("~p~n", [E]) || E <- L] end,
    ok.
