-module(lib_phash2).
-export([main/0]).
%% erlang:phash2/1,2 give erl's values for numbers, atoms, lists, tuples, maps
%% binaries and external funs.
main() ->
    Terms = [0, 1, -1, 42, 255, 256, 134217727, 134217728, -134217728, -134217729, 1 bsl 32, 1 bsl 40, -(1 bsl 40), 1 bsl 59, 1 bsl 60, 1 bsl 63, 1 bsl 64, -(1 bsl 64), 1 bsl 100, 123456789012345678901234567890,
             a, b, ok, error, hello_world, '', 'hé', [], "a", "ab", "abc", "abcd", "abcde", "hello world", [1000], [a], [a, b], [1, a, 2], [a | b], "ab" ++ c, [[]], [[], []],
             {}, {a}, {a, b}, {1, 2, 3}, {[], []}, {{}}, 0.0, -0.0, 1.0, 3.14, -2.5, 1.0e300,
             #{}, #{a => 1}, #{a => 1, b => 2}, #{b => 2, a => 1}, #{1 => {x}, "k" => [v]},
             maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
             fun lists:map/2, fun erlang:self/0,
             [{key, "value"}, {1, 2.0}], {person, "Ann", 31, [x, y]},
             <<>>, <<1>>, <<"abcd">>, <<"hello world">>, <<"twelve bytes">>, <<"thirteen byte">>,
             list_to_binary(lists:seq(0, 100)), {<<"x">>, a}, #{<<"k">> => <<"v">>}],
    [io:format("~w ~w ~w ~w~n", [erlang:phash2(T), erlang:phash2(T, 1 bsl 32), erlang:phash2(T, 7), erlang:phash2(T, 1)]) || T <- Terms],
    [io:format("~p~n", [try erlang:phash2(a, R) catch C:E -> {C, E} end]) || R <- [0, -1, 1 bsl 32 + 1, x, 1.0]],
    ok.
