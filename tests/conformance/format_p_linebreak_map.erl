%% ~p line breaking of large and nested maps.
-module(format_p_linebreak_map).
-export([main/0]).

main() ->
    Small = #{a => 1, b => 2},
    io:format("~p~n", [Small]),
    Big = maps:from_list([{N, N * N} || N <- lists:seq(1, 25)]),
    io:format("~p~n", [Big]),
    Named = #{name => "Widget", price => 9.99, tags => [red, green, blue],
              dims => #{w => 10, h => 20, d => 5}, stock => 1234567},
    io:format("~p~n", [Named]),
    io:format("~w~n", [Named]),
    Nested = #{outer => #{middle => #{inner => #{core => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}}},
               other => {a_long_atom_name, another_long_atom_name}},
    io:format("~p~n", [Nested]),
    io:format("~p~n", [[#{id => N, label => "item"} || N <- lists:seq(1, 4)]]).
