%% Calling a fun with the wrong number of arguments raises {badarity, {Fun, Args}}.
-module(error_badarity).
-export([main/0]).

main() ->
    F = fun(X, Y) -> X + Y end,
    io:format("ok call: ~p~n", [F(1, 2)]),
    try F(1) of
        _ -> io:format("unexpected~n")
    catch
        error:{badarity, {Fun, Args}} ->
            io:format("badarity, is_function: ~p, args: ~p~n", [is_function(Fun, 2), Args])
    end,
    G = fun() -> ok end,
    try G(a, b, c) catch
        error:{badarity, {_, Args2}} -> io:format("args: ~p~n", [Args2])
    end,
    case catch apply(F, [1, 2, 3]) of
        {'EXIT', {{badarity, {_, A3}}, _}} -> io:format("apply args: ~p~n", [A3])
    end,
    io:format("is_function(F, 1): ~p~n", [is_function(F, 1)]).
