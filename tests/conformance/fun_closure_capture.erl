%% Funs capture the values of variables at the time they are created.
-module(fun_closure_capture).
-export([main/0]).

make_adder(N) -> fun(X) -> X + N end.

main() ->
    Add5 = make_adder(5),
    Add10 = make_adder(10),
    io:format("~p ~p~n", [Add5(1), Add10(1)]),
    Base = 100,
    F = fun(X) -> Base + X end,
    io:format("~p~n", [F(1)]),
    Adders = [make_adder(I) || I <- lists:seq(1, 5)],
    io:format("~p~n", [[A(0) || A <- Adders]]),
    {P, Q} = {fun() -> Base end, fun(Y) -> {Base, Y} end},
    io:format("~p ~p~n", [P(), Q(two)]),
    Name = "world",
    Greet = fun(Greeting) -> Greeting ++ ", " ++ Name end,
    io:format("~s~n", [Greet("hello")]),
    Shadow = fun(Base) -> Base * 2 end,
    io:format("~p ~p~n", [Shadow(3), Base]).
