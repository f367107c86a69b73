-module(process_dictionary).
-export([main/0]).
%% The process dictionary: each process has its own.
count(Word) ->
    case get(Word) of
        undefined -> put(Word, 1);
        N -> put(Word, N + 1)
    end.

main() ->
    io:format("~p~n", [put(colour, red)]),
    io:format("~p~n", [put(colour, blue)]),
    io:format("~p~n", [get(colour)]),
    io:format("~p~n", [get(size)]),
    [count(W) || W <- [a, b, a, c, a, b]],
    io:format("~p~n", [[get(W) || W <- [a, b, c]]]),
    io:format("~p~n", [lists:sort(get_keys(1))]),
    io:format("~p~n", [lists:sort(get())]),
    Me = self(),
    spawn(fun() -> Me ! {child_sees, get(colour), put(colour, green), get(colour)} end),
    receive M -> io:format("~p~n", [M]) end,
    io:format("~p~n", [get(colour)]),
    io:format("~p~n", [erase(colour)]),
    io:format("~p~n", [erase(colour)]),
    io:format("~p~n", [lists:sort(erase())]),
    io:format("~p~n", [get()]).
