%% Map operations on non-maps raise {badmap, Term}.
-module(error_badmap).
-export([main/0]).

v(X) -> X.

main() ->
    io:format("~p~n", [try (v(not_a_map))#{a => 1} catch error:R1 -> R1 end]),
    io:format("~p~n", [try (v([1, 2]))#{a := 1} catch error:R2 -> R2 end]),
    io:format("~p~n", [try maps:get(a, v({a, 1})) catch error:R3 -> R3 end]),
    io:format("~p~n", [try maps:put(a, 1, v(7)) catch error:R4 -> R4 end]),
    io:format("~p~n", [try maps:keys(v("map")) catch error:R5 -> R5 end]),
    io:format("~p~n", [try maps:size(v(3.0)) catch error:R6 -> R6 end]),
    io:format("~p~n", [try maps:merge(#{}, v(x)) catch error:R7 -> R7 end]).
