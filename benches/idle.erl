-module(idle).
-export([main/0]).
%% 100,000 processes waiting in receive: divide the peak memory by 100,000.
main() ->
    Pids = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 100000)],
    io:format("~p~n", [length(Pids)]).
