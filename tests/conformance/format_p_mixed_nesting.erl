%% ~p layout of a realistic nested term: records as tuples, lists of maps, strings.
-module(format_p_mixed_nesting).
-export([main/0]).

main() ->
    Order = {order, 1001,
             #{customer => {person, "Ada Lovelace", "ada@example.org"},
               items => [{item, "Notebook", 3, 2.5}, {item, "Pencil", 12, 0.25},
                         {item, "Slide rule", 1, 19.99}],
               status => shipped},
             [{note, "leave at door"}, {gift, false}]},
    io:format("~p~n", [Order]),
    io:format("~p~n", [[Order, {order, 1002, #{}, []}]]),
    io:format("result: ~p, size ~p~n", [{ok, lists:seq(1, 25)}, 25]).
