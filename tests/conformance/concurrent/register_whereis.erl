%% Registering a process under a name, sending to the name, whereis and unregister.
-module(register_whereis).
-export([main/0]).

echo() ->
    receive
        {From, Msg} -> From ! {echo, Msg}, echo();
        stop -> ok
    end.

main() ->
    Pid = spawn(fun echo/0),
    io:format("register: ~p~n", [register(my_echo, Pid)]),
    io:format("whereis matches: ~p~n", [whereis(my_echo) =:= Pid]),
    my_echo ! {self(), hello},
    receive {echo, M} -> io:format("echoed ~p~n", [M]) end,
    erlang:send(my_echo, {self(), via_send}),
    receive {echo, M2} -> io:format("echoed ~p~n", [M2]) end,
    io:format("unregister: ~p~n", [unregister(my_echo)]),
    io:format("whereis after: ~p~n", [whereis(my_echo)]),
    io:format("whereis unknown: ~p~n", [whereis(nobody_here)]),
    Ref = monitor(process, Pid),
    Pid ! stop,
    receive {'DOWN', Ref, process, Pid, R} -> io:format("echo ended: ~p~n", [R]) end.
