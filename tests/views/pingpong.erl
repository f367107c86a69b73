-module(pingpong).
-export([main/0, pong/0]).
main() ->
    P = spawn(pingpong, pong, []),
    link(P),
    P ! {ping, self()},
    receive pong -> ok end,
    P ! {ping, self()},
    receive pong -> ok end,
    P ! stop,
    pidlab:emit(done).
pong() ->
    receive
        {ping, From} -> From ! pong, pong();
        stop -> exit(bye)
    end.
