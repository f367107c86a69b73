-module(all_exported).
-compile(export_all).

%% Nothing is in an -export list: export_all makes spawn/3 and the remote
%% call below work, and erlc warns about it.
main() ->
    P = spawn(all_exported, echo, [self()]),
    P ! ping,
    receive R -> io:format("~p~n", [R]) end,
    io:format("~p~n", [all_exported:double(21)]).

echo(Parent) -> receive M -> Parent ! {echo, M} end.
double(X) -> 2 * X.
