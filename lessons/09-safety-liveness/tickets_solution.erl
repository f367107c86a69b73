%% A ticket office. A store process keeps the next free ticket number;
%% two clients, ann and bob, take one ticket each. The store hands out
%% the number and moves on to the next one in a single step, so no two
%% clients can read the same number.
-module(tickets).
-export([main/0]).

main() ->
    Store = spawn(fun() -> store(1) end),
    spawn(fun() -> client(Store, ann) end),
    spawn(fun() -> client(Store, bob) end).

store(Next) ->
    receive
        {take, From} ->
            From ! {value, Next},
            store(Next + 1)
    end.

client(Store, Name) ->
    Store ! {take, self()},
    receive
        {value, N} ->
            pidlab:emit({ticket, Name, N})
    end.
