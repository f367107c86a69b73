%% Matching maps in patterns, function heads, case and with bound keys.
-module(map_match_pattern).
-export([main/0]).

area(#{shape := circle, r := R}) -> 3 * R * R;
area(#{shape := rect, w := W, h := H}) -> W * H;
area(#{}) -> unknown.

main() ->
    io:format("~p~n", [area(#{shape => circle, r => 2})]),
    io:format("~p~n", [area(#{shape => rect, w => 3, h => 4, colour => red})]),
    io:format("~p~n", [area(#{shape => triangle})]),
    #{name := Name} = #{name => "Ann", age => 31},
    io:format("~s~n", [Name]),
    Key = age,
    #{Key := Age} = #{name => "Ann", age => 31},
    io:format("~p~n", [Age]),
    R = case #{status => ok, value => 5} of
            #{status := error} -> failed;
            #{status := ok, value := V} when V > 3 -> {big, V};
            #{status := ok} -> small
        end,
    io:format("~p~n", [R]),
    io:format("~p~n", [case #{} of #{} -> empty_pattern_matches_any_map end]),
    io:format("~p~n", [case #{a => 1} of #{a := 1, b := _} -> both; #{a := A} -> {only_a, A} end]),
    io:format("~p~n", [case [1] of #{} -> map; _ -> not_map end]).
