%% Ends the whole run with halt/0 once it has its answer, as a script for
%% erl often does.
-module(halts).
-export([main/0]).

main() ->
    P = spawn(fun() -> receive {ping, From} -> From ! pong end end),
    P ! {ping, self()},
    receive
        pong -> io:format("pong~n")
    end,
    halt().
