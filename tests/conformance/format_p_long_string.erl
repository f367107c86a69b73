%% ~p with strings longer than a line, alone and inside other terms.
-module(format_p_long_string).
-export([main/0]).

main() ->
    Long = "The quick brown fox jumps over the lazy dog, then keeps running far away.",
    Longer = Long ++ " " ++ Long,
    io:format("~p~n", [Longer]),
    io:format("~p~n", [{message, Longer}]),
    io:format("~p~n", [[Long, Long]]),
    io:format("~p~n", [{a, "line one\nline two\nline three", b}]),
    io:format("~p~n", [{key, lists:duplicate(90, $x)}]),
    io:format("~s~n", [Longer]).
