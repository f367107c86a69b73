%% after clauses run on normal return, on caught and on escaping exceptions.
-module(try_after_order).
-export([main/0]).

step(Tag, Action) ->
    try
        io:format("  ~p body~n", [Tag]),
        Action()
    after
        io:format("  ~p after~n", [Tag])
    end.

run(Name, Action) ->
    io:format("~s:~n", [Name]),
    Result = try step(Name, Action) catch C:R -> {C, R} end,
    io:format("  => ~p~n", [Result]).

main() ->
    run("normal", fun() -> 42 end),
    run("throw", fun() -> throw(t) end),
    run("error", fun() -> error(e) end),
    run("exit", fun() -> exit(x) end),
    run("nested", fun() -> step(inner, fun() -> throw(from_inner) end) end),
    V = try 1 after 2 end,
    io:format("after value ignored: ~p~n", [V]).
