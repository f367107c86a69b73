%% exit(Pid, kill) cannot be trapped; linked trappers see the reason killed.
-module(link_exit_kill).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Self = self(),
    Victim = spawn_link(fun() ->
                                process_flag(trap_exit, true),
                                Self ! ready,
                                receive Msg -> Self ! {victim_got, Msg} end
                        end),
    receive ready -> ok end,
    exit(Victim, kill),
    receive
        {'EXIT', Victim, Reason} -> io:format("victim exit reason: ~p~n", [Reason])
    end,
    receive {victim_got, M} -> io:format("victim trapped ~p~n", [M]) after 20 -> io:format("victim trapped nothing~n") end,
    io:format("alive: ~p~n", [is_process_alive(Victim)]).
