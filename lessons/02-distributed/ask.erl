%% The client asks a server to double 21 and waits for the answer.
%% It trusts the network: if its question or the answer is lost, it
%% waits forever.
-module(ask).
-export([main/0]).

main() ->
    Server = spawn(fun() -> server() end),
    Server ! {double, self(), 21},
    receive
        {doubled, X} -> pidlab:emit({answer, X})
    end.

server() ->
    receive
        {double, From, N} ->
            From ! {doubled, 2 * N},
            server()
    end.
