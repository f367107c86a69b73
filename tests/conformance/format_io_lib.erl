-module(format_io_lib).
-export([main/0]).
%% io_lib:format builds the text io:format would print, to keep or pass on.
main() ->
    Line = io_lib:format("~p scored ~w (~5.1f%)~n", [alice, 42, 87.25]),
    io:format("~s", [Line]),
    Flat = lists:flatten(io_lib:format("~p|~s|~-6s|~8.3f|~~", [{a, [1, 2]}, "str", "ab", 3.14159])),
    io:format("~p~n", [Flat]),
    io:format("~p~n", [length(Flat)]),
    io:format("~p~n", [io_lib:format("~p ~p", [a, b])]),
    io:format("~p~n", [io_lib:format("x=~w~n", [42])]),
    Msgs = [lists:flatten(io_lib:format("node ~w: ~p", [N, {state, N * 2}])) || N <- [1, 2, 3]],
    io:format("~p~n", [Msgs]).
