%% Abnormal exits of linked children arrive as messages when trapping exits.
-module(link_trap_exit_error).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Reasons = [crashed, {shutdown, busy}, {bad, [1, 2]}, "text"],
    Kids = [{spawn_link(fun() -> exit(R) end), R} || R <- Reasons],
    lists:foreach(
      fun({Pid, Expected}) ->
              receive
                  {'EXIT', Pid, Got} -> io:format("~p (as expected: ~p)~n", [Got, Got =:= Expected])
              end
      end, Kids),
    receive Other -> io:format("unexpected ~p~n", [Other]) after 50 -> io:format("no more messages~n") end.
