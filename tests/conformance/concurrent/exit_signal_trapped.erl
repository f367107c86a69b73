%% A trapping process turns exit signals from exit/2 into {'EXIT', From, Reason} messages.
-module(exit_signal_trapped).
-export([main/0]).

main() ->
    Parent = self(),
    Trapper = spawn(fun() ->
                            process_flag(trap_exit, true),
                            Parent ! ready,
                            Loop = fun L(Seen) ->
                                           receive
                                               {'EXIT', From, Reason} ->
                                                   L([{From =:= Parent, Reason} | Seen]);
                                               report ->
                                                   Parent ! {seen, lists:reverse(Seen)},
                                                   L(Seen)
                                           end
                                   end,
                            Loop([])
                    end),
    receive ready -> ok end,
    exit(Trapper, normal),
    exit(Trapper, please_stop),
    exit(Trapper, {custom, 1}),
    Trapper ! report,
    receive {seen, S} -> io:format("~p~n", [S]) end,
    io:format("still alive: ~p~n", [is_process_alive(Trapper)]),
    Ref = monitor(process, Trapper),
    exit(Trapper, kill),
    receive {'DOWN', Ref, process, Trapper, R} -> io:format("after kill: ~p~n", [R]) end.
