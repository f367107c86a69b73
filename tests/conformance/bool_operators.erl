%% Boolean operators and, or, xor, not, and the short-circuit andalso/orelse.
-module(bool_operators).
-export([main/0]).

loud(X) -> io:format("evaluated ~p~n", [X]), X.

main() ->
    Bs = [true, false],
    [io:format("~p and ~p = ~p; or = ~p; xor = ~p~n", [A, B, A and B, A or B, A xor B]) || A <- Bs, B <- Bs],
    io:format("not true = ~p, not false = ~p~n", [not true, not false]),
    io:format("strict and:~n"),
    _ = loud(false) and loud(true),
    io:format("andalso:~n"),
    _ = loud(false) andalso loud(true),
    io:format("orelse:~n"),
    _ = loud(true) orelse loud(false),
    io:format("~p~n", [true andalso not_a_boolean]),
    io:format("~p~n", [false orelse {any, term}]),
    io:format("~p~n", [false andalso error(never_evaluated)]),
    io:format("~p~n", [not (1 < 2) or (3 > 2)]),
    io:format("~p~n", [true xor true xor true]).
