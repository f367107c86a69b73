%% tuple_to_list, list_to_tuple, element, setelement and tuple_size.
-module(conv_tuple_list).
-export([main/0]).

main() ->
    T = {a, b, c},
    io:format("~p~n", [tuple_to_list(T)]),
    io:format("~p~n", [list_to_tuple([1, "two", 3.0])]),
    io:format("~p~n", [tuple_to_list({})]),
    io:format("~p~n", [list_to_tuple([])]),
    io:format("~p ~p~n", [element(1, T), element(3, T)]),
    io:format("~p~n", [setelement(2, T, bee)]),
    io:format("~p~n", [T]),
    io:format("~p~n", [tuple_size(T)]),
    io:format("~p~n", [list_to_tuple(lists:reverse(tuple_to_list(T)))]),
    io:format("~p~n", [setelement(1, setelement(3, T, z), x)]),
    Big = list_to_tuple(lists:seq(1, 20)),
    io:format("~p ~p~n", [tuple_size(Big), element(20, Big)]).
