%% unlink removes a link so a later crash no longer reaches the former partner.
-module(link_unlink).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    A = spawn_link(fun() -> receive go -> exit(a_failed) end end),
    B = spawn_link(fun() -> receive go -> exit(b_failed) end end),
    io:format("unlink: ~p~n", [unlink(A)]),
    RefA = monitor(process, A),
    A ! go,
    B ! go,
    receive {'EXIT', B, RB} -> io:format("linked B: ~p~n", [RB]) end,
    receive {'DOWN', RefA, process, A, RA} -> io:format("monitored A: ~p~n", [RA]) end,
    receive {'EXIT', A, _} -> io:format("unexpected EXIT from A~n") after 50 -> io:format("no EXIT from A~n") end,
    C = spawn(fun() -> receive go -> exit(c_failed) end end),
    io:format("link: ~p~n", [link(C)]),
    C ! go,
    receive {'EXIT', C, RC} -> io:format("linked later C: ~p~n", [RC]) end,
    io:format("unlink dead: ~p~n", [unlink(C)]).
