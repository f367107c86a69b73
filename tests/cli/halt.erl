-module(halt).
-export([main/0]).

%% A worker halts the whole run with status 3 while main still waits;
%% nothing runs after the halt.
main() ->
    spawn(fun() -> timer:sleep(10), io:format("worker halts~n"), erlang:halt(3) end),
    spawn(fun() -> timer:sleep(20), io:format("too late~n") end),
    receive never -> ok end.
