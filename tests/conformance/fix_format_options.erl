-module(fix_format_options).
-export([main/0]).
-compile({no_auto_import, [abs/1]}).

%% io_lib:format edge cases and a local function that shadows a built-in
%% on purpose; an error prints only its reason.
abs(X) -> {local_abs, X}.

try_it(F) ->
    try lists:flatten(F()) catch C:E -> {C, E} end.

fmt(Format, Args) ->
    io:format("~p~n", [try_it(fun() -> io_lib:format(Format, Args) end)]).

main() ->
    io:format("~p~n", [abs(-3)]),
    io:format("~p~n", [erlang:abs(-3)]),
    fmt("~*w|", [-5, 3]),
    fmt("~*.*w|", [-6, 3, abc]),
    fmt("~-10w|", [abc]),
    fmt("~-10p|", [abc]),
    fmt("~.*f|", [-2, 1.5]),
    fmt("~.1e", [3.14159]),
    fmt("~.2e", [3.14159]),
    fmt("~.1g", [3.14159]),
    fmt("~.16+", [255]),
    fmt("~10.16+|", [-255]),
    fmt("~.16#", [255]),
    fmt("~.16b ~.16B", [255, 255]),
    fmt("~s", [[255]]),
    fmt("~s", [[256]]),
    fmt("~10s|", [[300]]),
    fmt("~ts", [[300]]),
    fmt("~-10.3s|", ["abcdef"]),
    fmt("~-10c|", [$a]),
    ok.
