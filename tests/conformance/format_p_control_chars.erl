%% Strings containing control characters: which escapes ~p uses.
-module(format_p_control_chars).
-export([main/0]).

main() ->
    Ls = ["line\n", "tab\there", "cr\r", "bell\a", "esc\e", "bs\b", "ff\f",
          "vt\v", "del\d", [0], [$a, 1], "nul\0x", [$\s], "\"", "\\", "'"],
    [io:format("~p~n", [L]) || L <- Ls],
    io:format("~s|~n", ["tab\there"]),
    io:format("~p~n", [{"a\nb", 'a\nb'}]).
