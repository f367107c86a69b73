%% Strings are lists of character codes: concatenation, comparison, traversal.
-module(string_list_ops).
-export([main/0]).

upper([C | T]) when C >= $a, C =< $z -> [C - 32 | upper(T)];
upper([C | T]) -> [C | upper(T)];
upper([]) -> [].

words(S) -> words(S, [], []).
words([], [], Acc) -> lists:reverse(Acc);
words([], W, Acc) -> lists:reverse([lists:reverse(W) | Acc]);
words([$\s | T], [], Acc) -> words(T, [], Acc);
words([$\s | T], W, Acc) -> words(T, [], [lists:reverse(W) | Acc]);
words([C | T], W, Acc) -> words(T, [C | W], Acc).

main() ->
    S = "Hello, Erlang",
    io:format("~s~n", [upper(S)]),
    io:format("~p~n", [length(S)]),
    io:format("~p~n", [lists:reverse(S)]),
    io:format("~p~n", [words("  the quick  brown fox ")]),
    io:format("~p~n", ["abc" =:= [97, 98, 99]]),
    io:format("~p~n", [[$a, $b] ++ "cd" ++ [$e]]),
    io:format("~p~n", [lists:member($,, S)]),
    io:format("~p~n", [[C || C <- S, C =/= $l]]),
    io:format("~s~n", [lists:flatten(["x", $=, integer_to_list(42)])]),
    io:format("~p~n", ["multi" "part" " literal"]).
