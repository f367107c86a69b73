%% Missing map keys raise {badkey, Key} from maps:get and := updates.
-module(error_badkey).
-export([main/0]).

v(X) -> X.

main() ->
    M = #{a => 1, b => 2},
    io:format("~p~n", [maps:get(a, M)]),
    io:format("~p~n", [try maps:get(c, v(M)) catch error:R1 -> R1 end]),
    io:format("~p~n", [try (v(M))#{c := 3} catch error:R2 -> R2 end]),
    io:format("~p~n", [try (v(M))#{a := 10, {x, 1} := 3} catch error:R3 -> R3 end]),
    io:format("~p~n", [maps:get(c, M, default)]),
    io:format("~p~n", [try maps:get(1.0, v(#{1 => one})) catch error:R4 -> R4 end]).
