%% Printed map key order follows term order across key types.
-module(map_key_order).
-export([main/0]).

main() ->
    M = #{[] => nil, {} => tuple, 2 => two, 1.5 => onehalf, b => atom_b, a => atom_a,
          "str" => list, #{} => map, -3 => minus_three},
    io:format("~p~n", [M]),
    io:format("~w~n", [M]),
    io:format("~p~n", [maps:keys(#{c => 1, a => 2, b => 3})]),
    io:format("~p~n", [maps:to_list(#{3 => c, 1 => a, 2 => b})]),
    io:format("~p~n", [#{1 => integer, 1.0 => float}]),
    io:format("~p~n", [#{2 => integer, 1.0 => float}]),
    io:format("~p~n", [maps:from_list([{{b, 1}, x}, {{a, 2}, y}, {{a, 1}, z}])]).
