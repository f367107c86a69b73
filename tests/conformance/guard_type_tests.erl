%% Type-test guard BIFs applied to one value of every kind.
-module(guard_type_tests).
-export([main/0]).

kind(X) when is_integer(X) -> integer;
kind(X) when is_float(X) -> float;
kind(X) when is_boolean(X) -> boolean;
kind(X) when is_atom(X) -> atom;
kind(X) when is_tuple(X) -> tuple;
kind(X) when is_map(X) -> map;
kind(X) when is_function(X) -> function;
kind([]) -> nil;
kind(X) when is_list(X) -> list.

main() ->
    Vals = [1, 1 bsl 80, 2.0, true, false, ok, {}, {1, 2}, #{}, fun() -> ok end, [], [1], "s", [a | b]],
    [io:format("~p~n", [kind(V)]) || V <- Vals],
    io:format("~p~n", [[is_number(X) || X <- [1, 1.0, a]]]),
    io:format("~p~n", [[is_function(F, 2) || F <- [fun(_, _) -> ok end, fun(_) -> ok end, fun erlang:max/2]]]),
    io:format("~p~n", [[is_boolean(X) || X <- [true, false, 'true', nil, 0]]]),
    io:format("~p~n", [[is_pid(X) orelse is_reference(X) orelse is_port(X) || X <- [1, a, "p"]]]).
