%% The client asks again whenever no answer has come for 100 ms, so one
%% lost question or answer only costs it a little time.
-module(ask).
-export([main/0]).

main() ->
    Server = spawn(fun() -> server() end),
    ask(Server).

ask(Server) ->
    Server ! {double, self(), 21},
    receive
        {doubled, X} -> pidlab:emit({answer, X})
    after 100 ->
        ask(Server)
    end.

server() ->
    receive
        {double, From, N} ->
            From ! {doubled, 2 * N},
            server()
    end.
