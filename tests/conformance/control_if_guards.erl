%% if expressions choose the first true guard; true acts as the catch-all.
-module(control_if_guards).
-export([main/0]).

grade(S) ->
    if
        S >= 90 -> a;
        S >= 80 -> b;
        S >= 70, S < 80 -> c;
        S < 0; S > 100 -> invalid;
        true -> f
    end.

fizz(N) ->
    if
        N rem 15 =:= 0 -> fizzbuzz;
        N rem 3 =:= 0 -> fizz;
        N rem 5 =:= 0 -> buzz;
        true -> N
    end.

main() ->
    io:format("~p~n", [[grade(S) || S <- [95, 90, 85, 75, 50, -1, 101]]]),
    io:format("~p~n", [[fizz(N) || N <- lists:seq(1, 15)]]),
    X = 7,
    R = if is_integer(X), X > 5 -> {ok, X}; true -> no end,
    io:format("~p~n", [R]).
