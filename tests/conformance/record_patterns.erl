-module(record_patterns).
-export([main/0]).

-record(point, {x = 0, y = 0}).
-record(line, {from = #point{}, to = #point{x = 1, y = 1}, label}).
-record(msg, {from, body, seq = 0}).
-record(cfg, {a, b, c}).

area(#point{x = X, y = Y}) -> X * Y;
area(_) -> not_a_point.

kind(P) when P#point.x > 2 -> far;
kind(P) when is_record(P, point) -> near;
kind(P) when is_record(P, point, 3) -> never;
kind(_) -> other.

origin(#point{x = 0, y = 0}) -> true;
origin(#point{}) -> false.

classify(L) ->
    case L of
        #line{from = #point{x = 0}, label = undefined} -> from_zero_unlabelled;
        #line{label = Label} when Label =/= undefined -> {labelled, Label};
        #line{} -> plain
    end.

collect(Acc) ->
    receive
        #msg{body = stop} -> lists:reverse(Acc);
        #msg{from = F, body = B} = M when M#msg.seq >= 0 -> collect([{F, B} | Acc])
    end.

reason(F) ->
    try F() catch error:R -> R end.

main() ->
    io:format("~p~n", [area(#point{x = 3, y = 4})]),
    io:format("~p~n", [area({point, 1})]),
    io:format("~p~n", [[kind(#point{x = 5}), kind(#point{}), kind({point, 9}), kind(7)]]),
    io:format("~p~n", [kind({point, 9, 9})]),
    io:format("~p ~p~n", [origin(#point{}), origin(#point{y = 2})]),
    L = #line{},
    io:format("~p~n", [L]),
    io:format("~p~n", [L#line.to#point.x]),
    io:format("~p~n", [(L#line.to)#point.y]),
    io:format("~p~n", [classify(L)]),
    io:format("~p~n", [classify(L#line{label = "a"})]),
    io:format("~p~n", [classify(L#line{from = #point{x = 2}})]),
    L2 = L#line{to = (L#line.to)#point{y = 10}},
    io:format("~p~n", [L2]),
    #point{x = X1} = #point{x = 42},
    io:format("~p~n", [X1]),
    #line{to = #point{y = Y2}} = L2,
    io:format("~p~n", [Y2]),
    self() ! #msg{from = a, body = hello},
    self() ! #msg{from = b, body = world, seq = 1},
    self() ! #msg{body = stop},
    io:format("~p~n", [collect([])]),
    io:format("~p~n", [#cfg{_ = 0}]),
    io:format("~p~n", [#cfg{b = 1, _ = x}]),
    io:format("~p~n", [case {cfg, 1, 1, 1} of #cfg{_ = 1} -> all_one; _ -> no end]),
    io:format("~p~n", [case {cfg, 1, 2, 1} of #cfg{_ = 1} -> all_one; _ -> no end]),
    Ps = [#point{x = I, y = I * I} || I <- [1, 2, 3]],
    io:format("~p~n", [[Y || #point{y = Y} <- Ps]]),
    io:format("~p~n", [[P#point.x || P <- Ps, P#point.y > 1]]),
    Mixed = [#point{x = 1, y = 2}, foo, {point, 3}, #point{x = 3, y = 4}],
    io:format("~p~n", [[P || P <- Mixed, P#point.y > 1]]),
    io:format("~p~n", [[P || P <- Mixed, is_record(P, point)]]),
    io:format("~p~n", [lists:map(fun(#point{x = X}) -> X * 10 end, Ps)]),
    io:format("~p~n", [reason(fun() -> (list_to_tuple([foo, 1]))#point.x end)]),
    io:format("~p~n", [reason(fun() -> (list_to_tuple([point, 1]))#point{y = 2} end)]),
    io:format("~p~n", [reason(fun() -> #point{x = Z} = list_to_tuple([foo]), Z end)]),
    Counter = #msg{seq = 1},
    C2 = Counter#msg{seq = Counter#msg.seq + 1, body = Counter#msg.seq},
    io:format("~p~n", [C2]),
    ok.
