%% A ticket office. A store process keeps the next free ticket number;
%% two clients, ann and bob, take one ticket each. A client reads the
%% number, then writes back the number plus one. Each client emits
%% {ticket, Name, N} for the ticket it took.
-module(tickets).
-export([main/0]).

main() ->
    Store = spawn(fun() -> store(1) end),
    spawn(fun() -> client(Store, ann) end),
    spawn(fun() -> client(Store, bob) end).

store(Next) ->
    receive
        {read, From} ->
            From ! {value, Next},
            store(Next);
        {write, N} ->
            store(N)
    end.

client(Store, Name) ->
    Store ! {read, self()},
    receive
        {value, N} ->
            Store ! {write, N + 1},
            pidlab:emit({ticket, Name, N})
    end.
