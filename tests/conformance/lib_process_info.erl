%% process_info/1,2 for the keys students use (undefined once the process
%% has ended), and halt/0 ending the run before main returns.
-module(lib_process_info).
-export([main/0]).

t(F) -> try F() catch C:E -> {C, E} end.

main() ->
    P = spawn(fun() -> receive x -> ok end end),
    P ! hello,
    P ! {a, 1},
    link(P),
    register(foo, P),
    timer:sleep(10),
    io:format("~p~n", [[erlang:process_info(P, K)
                        || K <- [message_queue_len, messages, registered_name, status,
                                 dictionary, trap_exit, monitors, monitored_by, priority]]]),
    io:format("~p~n~p~n", [process_info(self(), status), process_info(self(), registered_name)]),
    io:format("~p~n", [process_info(P, [status, message_queue_len])]),
    io:format("~p~n", [[t(fun() -> process_info(P, bogus) end), t(fun() -> process_info(x, status) end),
                        t(fun() -> process_info(P, [status, bogus]) end), t(fun() -> process_info(P, "s") end)]]),
    io:format("~p~n", [process_info(P, [])]),
    io:format("~p~n", [process_info(P, [registered_name])]),
    unregister(foo),
    io:format("~p~n", [process_info(P, [registered_name])]),
    {links, [Me]} = process_info(P, links),
    io:format("~p~n", [Me =:= self()]),
    process_flag(trap_exit, true),
    io:format("~p~n", [process_info(self(), trap_exit)]),
    put(k, v),
    put(a, 1),
    io:format("~p~n", [lists:sort(element(2, process_info(self(), dictionary)))]),
    M = monitor(process, P),
    {monitors, [{process, P}]} = process_info(self(), monitors),
    {monitored_by, [Self]} = process_info(P, monitored_by),
    io:format("~p~n", [Self =:= self()]),
    demonitor(M),
    exit(P, kill),
    timer:sleep(10),
    io:format("~p ~p ~p~n", [process_info(P), process_info(P, status), process_info(P, [status])]),
    io:format("~p~n", [[t(fun() -> halt(-1) end), t(fun() -> halt(x) end), t(fun() -> halt(1.5) end)]]),
    io:format("before halt~n"),
    erlang:halt(),
    io:format("not printed~n").
