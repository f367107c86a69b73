-module(client).
-export([main/0]).
main() ->
    S = server:start(),
    S ! {self(), ping},
    receive R -> io:format("client got ~p~n", [R]) end,
    P = spawn(server, loop, []),
    P ! {self(), hello},
    receive R2 -> io:format("client got ~p~n", [R2]) end.
