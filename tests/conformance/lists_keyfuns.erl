%% Tuple-list functions: keyfind, keystore, keydelete and keysort.
-module(lists_keyfuns).
-export([main/0]).

main() ->
    People = [{ann, 31, london}, {bob, 25, paris}, {cat, 31, rome}, {dan, 19, oslo}],
    io:format("~p~n", [lists:keyfind(bob, 1, People)]),
    io:format("~p~n", [lists:keyfind(31, 2, People)]),
    io:format("~p~n", [lists:keyfind(zed, 1, People)]),
    io:format("~p~n", [lists:keystore(bob, 1, People, {bob, 26, berlin})]),
    io:format("~p~n", [lists:keystore(eve, 1, People, {eve, 40, lima})]),
    io:format("~p~n", [lists:keydelete(31, 2, People)]),
    io:format("~p~n", [lists:keydelete(nobody, 1, People)]),
    io:format("~p~n", [lists:keysort(2, People)]),
    io:format("~p~n", [lists:keysort(3, People)]),
    io:format("~p~n", [lists:keysort(1, [{b, 1}, {a, 2}, {b, 0}, {a, 1}])]),
    io:format("~p~n", [lists:keyfind(a, 1, [{a}, {a, 1}])]).
