%% Generator patterns silently skip elements that do not match.
-module(lc_pattern_skip).
-export([main/0]).

main() ->
    Results = [{ok, 1}, {error, bad}, {ok, 2}, ok, {ok, 3, extra}, {ok, 4}],
    io:format("~p~n", [[V || {ok, V} <- Results]]),
    io:format("~p~n", [[R || {error, R} <- Results]]),
    Pairs = [{a, 1}, {b, 2}, {a, 3}, {c, 4}, {a, 5}],
    io:format("~p~n", [[N || {a, N} <- Pairs]]),
    io:format("~p~n", [[{K, N} || {K, N} <- Pairs, N > 2]]),
    io:format("~p~n", [[H || [H | _] <- [[1, 2], [], [3], "xy", [[]]]]]),
    io:format("~p~n", [[X || {X, X} <- [{1, 1}, {1, 2}, {b, b}, {c, d}]]]),
    io:format("~p~n", [[K || #{key := K} <- [#{key => 1}, #{other => 2}, #{key => 3, x => y}]]]),
    io:format("~p~n", [[A + B || {A, B} <- [{1, 2}, {3, 4}], {C, _} <- [{A, z}, {B, z}], C > 1]]).
