-module(maps_iterator).
-export([main/0]).

%% maps:iterator/1 and maps:next/1: the iterator term and every step, for
%% maps of up to 32 keys, and bad arguments.
t(F) -> R = try F() catch C:E -> {C, E} end, io:format("~w~n", [R]).

walk(I) ->
    case maps:next(I) of
        none -> [];
        {K, V, I2} = Step -> io:format("  ~w~n", [Step]), [{K, V} | walk(I2)]
    end.

main() ->
    Maps = [#{}, #{a => 1}, #{b => 2, a => 1, c => 3},
            #{1 => int, 1.0 => float, a => atom, "s" => string, {t} => tuple},
            maps:from_list([{N, N * N} || N <- lists:seq(32, 1, -1)])],
    lists:foreach(fun(M) ->
        I = maps:iterator(M),
        io:format("~w~n", [I]),
        io:format("~w~n", [walk(I) =:= maps:to_list(M)])
    end, Maps),
    t(fun() -> maps:next(none) end),
    t(fun() -> maps:next({k, v, none}) end),
    t(fun() -> maps:iterator(a) end),
    t(fun() -> maps:iterator([0 | #{}]) end),
    t(fun() -> maps:next(a) end),
    t(fun() -> maps:next([0 | a]) end),
    t(fun() -> maps:next([5 | #{a => 1}]) end),
    t(fun() -> maps:next({a, b}) end),
    t(fun() -> maps:next(#{a => 1}) end).
