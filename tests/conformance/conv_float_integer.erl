%% Converting between integers, floats and their text forms.
-module(conv_float_integer).
-export([main/0]).

main() ->
    io:format("~p~n", [float(3)]),
    io:format("~p~n", [float(-1 bsl 60)]),
    io:format("~p~n", [round(2.5e15)]),
    io:format("~p~n", [trunc(1.0e25)]),
    io:format("~p~n", [trunc(123.999)]),
    io:format("~p~n", [integer_to_list(trunc(99.9))]),
    io:format("~p~n", [float_to_list(float(list_to_integer("12")))]),
    io:format("~p~n", [list_to_integer(integer_to_list(-98765))]),
    io:format("~p~n", [[is_integer(round(X)) || X <- [1.4, -1.6]]]),
    io:format("~p~n", [5 == float(5)]),
    io:format("~p~n", [trunc(float(1 bsl 62)) =:= 1 bsl 62]).
