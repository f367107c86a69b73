%% Latin-1 code points 160..255 are printable for ~p (written as raw bytes),
%% code points above 255 are not; ~w never prints strings.
-module(format_p_unicode).
-export([main/0]).

main() ->
    io:format("~p~n", [[955, 956]]),
    io:format("~p~n", [[$a, 1024, $b]]),
    io:format("~p~n", ["na\x{ef}ve"]),
    io:format("~w~n", ["na\x{ef}ve"]),
    io:format("~p~n", [[16#10FFFF]]),
    io:format("~p ~p ~p~n", [[160], [255], [159, 160]]),
    io:format("~p~n", ["caf\x{e9}"]),
    io:format("~w ~p~n", ['\x{e9}t\x{e9}', '\x{c9}t\x{e9}']),
    io:format("~p~n", [{[200, 201], [2000]}]),
    io:format("~p~n", [length("\x{3bb}x")]),
    io:format("~p~n", [[1114111, 0]]).
