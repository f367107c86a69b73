%% registered/0 lists our names among the system's; names vanish when processes die.
-module(register_registered_list).
-export([main/0]).

-define(MINE, [reg_alpha, reg_beta, reg_gamma]).

mine() -> lists:sort([N || N <- registered(), lists:member(N, ?MINE)]).

main() ->
    Pids = [begin
                P = spawn(fun() -> receive stop -> ok end end),
                true = register(Name, P),
                {Name, P}
            end || Name <- [reg_gamma, reg_alpha, reg_beta]],
    io:format("~p~n", [mine()]),
    io:format("is_list: ~p~n", [is_list(registered())]),
    {reg_beta, Beta} = lists:keyfind(reg_beta, 1, Pids),
    Ref = monitor(process, Beta),
    reg_beta ! stop,
    receive {'DOWN', Ref, process, Beta, normal} -> ok end,
    io:format("after beta stopped: ~p~n", [mine()]),
    io:format("whereis(reg_beta): ~p~n", [whereis(reg_beta)]),
    unregister(reg_alpha),
    io:format("after unregister: ~p~n", [mine()]),
    register(reg_self, self()),
    io:format("self registered: ~p~n", [whereis(reg_self) =:= self()]),
    unregister(reg_self),
    [P ! stop || {_, P} <- Pids].
