-module(idle).
-export([main/0, main/1]).
%% 100,000 processes waiting in receive: benches/run.sh divides the peak
%% memory over that of `main(["0"])` (no processes) by 100,000.
main() ->
    run(100000).
main([]) ->
    main();
main([N]) ->
    run(list_to_integer(N)).
run(N) ->
    Pids = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, N)],
    io:format("~p~n", [length(Pids)]).
