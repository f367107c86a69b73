%% Passing funs to lists:map, filter, foldl, foldr, foreach, any, all.
-module(fun_higher_order).
-export([main/0]).

main() ->
    L = lists:seq(1, 10),
    io:format("~p~n", [lists:map(fun(X) -> X * X end, L)]),
    io:format("~p~n", [lists:filter(fun(X) -> X rem 3 =:= 0 end, L)]),
    io:format("~p~n", [lists:foldl(fun(X, Acc) -> [X | Acc] end, [], [a, b, c])]),
    io:format("~p~n", [lists:foldr(fun(X, Acc) -> [X | Acc] end, [], [a, b, c])]),
    io:format("~p~n", [lists:foldl(fun(X, {Min, Max}) -> {min(X, Min), max(X, Max)} end,
                                   {100, 0}, [40, 7, 93, 12])]),
    lists:foreach(fun(X) -> io:format("item ~p~n", [X]) end, [first, second]),
    io:format("~p ~p~n", [lists:any(fun(X) -> X > 9 end, L), lists:all(fun(X) -> X > 9 end, L)]),
    io:format("~p ~p~n", [lists:any(fun(_) -> true end, []), lists:all(fun(_) -> false end, [])]),
    Compose = fun(Fs) -> fun(X) -> lists:foldl(fun(F, Acc) -> F(Acc) end, X, Fs) end end,
    io:format("~p~n", [(Compose([fun(X) -> X + 1 end, fun(X) -> X * 10 end]))(4)]).
