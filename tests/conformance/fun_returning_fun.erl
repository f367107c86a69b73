%% Higher-order functions that return funs: currying, composition, counters.
-module(fun_returning_fun).
-export([main/0]).

compose(F, G) -> fun(X) -> F(G(X)) end.

curry(F) -> fun(A) -> fun(B) -> F(A, B) end end.

twice(F) -> fun(X) -> F(F(X)) end.

main() ->
    Inc = fun(X) -> X + 1 end,
    Dbl = fun(X) -> X * 2 end,
    io:format("~p~n", [(compose(Inc, Dbl))(5)]),
    io:format("~p~n", [(compose(Dbl, Inc))(5)]),
    Mul = curry(fun(A, B) -> A * B end),
    Times3 = Mul(3),
    io:format("~p~n", [Times3(7)]),
    io:format("~p~n", [((curry(fun erlang:'-'/2))(10))(4)]),
    io:format("~p~n", [(twice(twice(Dbl)))(1)]),
    Pipeline = lists:foldl(fun compose/2, fun(X) -> X end, [Inc, Dbl, Inc]),
    io:format("~p~n", [Pipeline(1)]),
    io:format("~p~n", [((fun() -> fun() -> nested end end)())()]).
