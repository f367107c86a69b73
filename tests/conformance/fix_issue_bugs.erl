-module(fix_issue_bugs).
-export([main/0]).

%% Regressions found by comparing with erl: each line prints one value.
show(Label, V) -> io:format("~s: ~p~n", [Label, V]).

catch_clauses(T) ->
    try throw(T)
    catch
        throw:{a, X} -> {first, X};
        throw:X -> {second, X}
    end.

pat(X) ->
    case X of
        1 bsl 2 -> four;
        -(1 + 2) -> minus_three;
        2 * 3 -> six;
        #{#{} := V} -> {map_key_map, V};
        {#{}} -> tuple_with_any_map;
        _ -> other
    end.

main() ->
    show("seq 3 2 2", lists:seq(3, 2, 2)),
    show("seq 5 6 -2", lists:seq(5, 6, -2)),
    show("seq 1 10 3", lists:seq(1, 10, 3)),
    show("seq 10 1 -3", lists:seq(10, 1, -3)),
    show("seq 1 0", lists:seq(1, 0)),
    show("catch b", catch_clauses(b)),
    show("catch a", catch_clauses({a, 1})),
    show("filter arith", [X || X <- [1, 2, 3], X + 1]),
    show("filter atoms", [X || X <- [a, true, false], X]),
    show("filter guard bif", [X || X <- [1, a, 2.0, "s"], is_number(X)]),
    show("filter error", [X || X <- [1, 0, 2], 10 div X > 3]),
    show("filter call", [X || X <- [1, 2, 3], lists:member(X, [2, 3])]),
    show("pattern 4", pat(4)),
    show("pattern -3", pat(-3)),
    show("pattern 6", pat(6)),
    show("pattern map key", pat(#{#{} => x})),
    show("pattern other", pat(7)),
    show("pattern tuple map", pat({#{k => v}})),
    show("map update -0.0", (#{-0.0 => a})#{0.0 => b}),
    show("maps:put -0.0", maps:put(0.0, b, #{-0.0 => a})),
    show("maps:update -0.0", maps:update(0.0, b, #{-0.0 => a})),
    ok.
