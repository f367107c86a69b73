-module(error_catch_rhs).
-export([main/0]).
main() ->
    R = catch throw(thrown),
    io:format("~p~n", [R]),
    X = catch 1 + 2,
    io:format("~p~n", [X]),
    Y = (catch error(oops)) =:= 1,
    io:format("~p~n", [Y]),
    Z = [catch throw(a), catch 1],
    io:format("~p~n", [Z]),
    self() ! catch hello,
    receive M -> io:format("~p~n", [M]) end.
