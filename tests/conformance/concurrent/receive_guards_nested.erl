%% receive clauses with guards and alternatives, and a receive nested in another.
-module(receive_guards_nested).
-export([main/0]).

classify() ->
    receive
        {num, N} when is_integer(N), N < 0 -> {negative, N};
        {num, N} when is_integer(N) -> {non_negative, N};
        {text, S} when is_list(S); is_atom(S) -> {text, S};
        {pair, A, A} -> {same_pair, A}
    after 0 -> nothing_left
    end.

main() ->
    Self = self(),
    [Self ! M || M <- [{pair, 1, 2}, {num, 3}, {text, "hi"}, {num, -4}, {pair, x, x}, {num, 2.5}]],
    Results = [classify() || _ <- lists:seq(1, 5)],
    [io:format("~p~n", [R]) || R <- Results],
    Leftover = receive L -> L after 0 -> none end,
    io:format("leftover: ~p~n", [Leftover]),
    Leftover2 = receive L2 -> L2 after 0 -> none end,
    io:format("leftover: ~p~n", [Leftover2]),
    Self ! outer, Self ! inner,
    R = receive
            outer ->
                receive inner -> both_in_order
                after 0 -> inner_missing
                end
        end,
    io:format("~p~n", [R]).
