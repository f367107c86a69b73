%% Converting between atoms and strings with atom_to_list and list_to_atom.
-module(conv_atom_list).
-export([main/0]).

main() ->
    io:format("~p~n", [atom_to_list(hello)]),
    io:format("~p~n", [atom_to_list('Hello World')]),
    io:format("~p~n", [atom_to_list('')]),
    io:format("~p~n", [list_to_atom("abc")]),
    io:format("~p~n", [list_to_atom("with space")]),
    io:format("~p~n", [list_to_atom("UPPER")]),
    io:format("~p~n", [list_to_atom("")]),
    io:format("~p~n", [list_to_atom("123")]),
    io:format("~p~n", [list_to_atom("ok") =:= ok]),
    io:format("~p~n", [list_to_atom(atom_to_list(round) ++ "_trip")]),
    io:format("~p~n", [[list_to_atom([C]) || C <- "aZ_"]]),
    io:format("~p~n", [length(atom_to_list(abcdefghij))]).
