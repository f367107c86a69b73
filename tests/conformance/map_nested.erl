%% Maps inside maps, lists and tuples; deep reads and updates.
-module(map_nested).
-export([main/0]).

set_in(Map, [K], V) -> Map#{K => V};
set_in(Map, [K | Rest], V) -> Map#{K => set_in(maps:get(K, Map, #{}), Rest, V)}.

get_in(V, []) -> V;
get_in(Map, [K | Rest]) ->
    case maps:find(K, Map) of
        {ok, V} -> get_in(V, Rest);
        error -> undefined
    end.

main() ->
    C0 = #{},
    C1 = set_in(C0, [db, host], "localhost"),
    C2 = set_in(C1, [db, port], 5432),
    C3 = set_in(C2, [log, level], debug),
    io:format("~p~n", [C3]),
    io:format("~p~n", [get_in(C3, [db, port])]),
    io:format("~p~n", [get_in(C3, [db, user])]),
    io:format("~p~n", [[maps:get(id, M) || M <- [#{id => 1}, #{id => 2}]]]),
    io:format("~p~n", [{#{a => [#{b => {c}}]}}]).
