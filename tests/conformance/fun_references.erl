%% fun name/Arity, fun module:name/Arity and apply with funs and MFAs.
-module(fun_references).
-export([main/0, triple/1]).

double(X) -> 2 * X.
triple(X) -> 3 * X.
add(A, B) -> A + B.

main() ->
    D = fun double/1,
    T = fun ?MODULE:triple/1,
    R = fun lists:reverse/1,
    io:format("~p ~p ~p~n", [D(4), T(4), R([1, 2, 3])]),
    io:format("~p~n", [lists:map(fun double/1, [1, 2, 3])]),
    io:format("~p~n", [lists:foldl(fun add/2, 0, [1, 2, 3, 4])]),
    io:format("~p~n", [apply(fun add/2, [10, 20])]),
    io:format("~p~n", [apply(?MODULE, triple, [5])]),
    io:format("~p~n", [apply(lists, seq, [1, 5])]),
    io:format("~p~n", [apply(fun erlang:max/2, [3, 8])]),
    io:format("~p ~p~n", [is_function(D), is_function(D, 1)]),
    io:format("~p~n", [is_function(fun lists:map/2, 2)]),
    io:format("~p~n", [D =:= fun double/1]),
    M = lists, F = sum,
    io:format("~p~n", [M:F([1, 2, 3])]).
