%% register and unregister fail with badarg for taken names, dead pids and unknown names.
-module(register_errors).
-export([main/0]).

try_it(Label, F) ->
    R = try F() catch error:E -> {error, E} end,
    io:format("~s: ~p~n", [Label, R]).

main() ->
    P = spawn(fun() -> receive stop -> ok end end),
    try_it("register", fun() -> register(worker, P) end),
    try_it("same name again", fun() -> register(worker, self()) end),
    try_it("same pid new name", fun() -> register(other_name, P) end),
    try_it("undefined name", fun() -> register(undefined, self()) end),
    try_it("unregister unknown", fun() -> unregister(not_registered) end),
    try_it("send to unknown name", fun() -> not_registered ! hello end),
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    try_it("register dead pid", fun() -> register(ghost, Dead) end),
    try_it("send to dead pid", fun() -> Dead ! hello end),
    try_it("unregister", fun() -> unregister(worker) end),
    P ! stop.
