%% The value of catch Expr for normal returns, throw, exit and error.
-module(error_catch_expr).
-export([main/0]).

v(X) -> X.

show(Label, {'EXIT', {Reason, Stack}}) when is_list(Stack) ->
    io:format("~s: EXIT with error reason ~p~n", [Label, Reason]);
show(Label, Other) ->
    io:format("~s: ~p~n", [Label, Other]).

main() ->
    show("value", catch 1 + 2),
    show("throw", catch throw(thrown)),
    show("throw tuple", catch throw({'EXIT', fake})),
    show("exit", catch exit(bye)),
    show("exit tuple", catch exit({shutdown, 3})),
    show("error", catch error(oops)),
    show("badarith", catch 1 / v(0)),
    show("nested", catch (catch throw(inner))),
    show("in list", [catch throw(a), catch b]),
    X = (catch v(10)) + 1,
    show("arith", X).
