-module(record_basics).
-export([main/0]).

-record(point, {x = 0, y = 0}).
-record(person, {name, age = 0 :: non_neg_integer(), email :: string() | undefined,
                 tags = [] :: [atom()]}).
-record(empty, {}).

main() ->
    P = #point{},
    io:format("~p~n", [P]),
    Q = #point{y = 5},
    io:format("~p~n", [Q]),
    io:format("~p ~p~n", [Q#point.x, Q#point.y]),
    R = Q#point{x = 3},
    io:format("~p~n", [R]),
    Alice = #person{name = "Alice"},
    io:format("~p~n", [Alice]),
    io:format("~w~n", [Alice]),
    Older = Alice#person{age = Alice#person.age + 1, tags = [admin]},
    io:format("~p~n", [Older]),
    io:format("~p~n", [#empty{}]),
    io:format("~p ~p~n", [#point.x, #person.tags]),
    io:format("~p~n", [record_info(fields, person)]),
    io:format("~p~n", [record_info(size, person)]),
    io:format("~p~n", [record_info(size, empty)]),
    io:format("~p~n", [is_record(P, point)]),
    io:format("~p~n", [is_record({point, 1}, point)]),
    io:format("~p~n", [is_record(Alice, point)]),
    io:format("~p~n", [is_record(P, point, 3)]),
    io:format("~p~n", [#point{x = 1} =:= {point, 1, 0}]),
    io:format("~p~n", [(#point{x = 7})#point.x]),
    io:format("~p~n", [element(#person.age, Older)]),
    ok.
