%% The exit reason seen by monitors for returns, exit/1, kill and errors caught inside.
-module(exit_reasons_monitored).
-export([main/0]).

reason(F) ->
    {P, R} = spawn_monitor(F),
    receive {'DOWN', R, process, P, Why} -> Why end.

main() ->
    Cases = [{return, fun() -> 42 end},
             {exit_normal, fun() -> exit(normal) end},
             {exit_atom, fun() -> exit(bye) end},
             {exit_big, fun() -> exit({list, lists:seq(1, 5)}) end},
             {exit_shutdown, fun() -> exit({shutdown, reason}) end},
             {self_kill, fun() -> exit(self(), kill) end},
             {self_exit_other, fun() -> exit(self(), custom) end},
             {self_exit_normal, fun() -> exit(self(), normal) end},
             {nested_exit, fun() -> catch exit(inner), exit(outer) end}],
    [io:format("~p: ~p~n", [Name, reason(F)]) || {Name, F} <- Cases].
