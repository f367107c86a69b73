%% receive ... after 0 polls the mailbox without waiting.
-module(receive_after_zero).
-export([main/0]).

poll() -> receive M -> {got, M} after 0 -> empty end.

flush(Acc) -> receive M -> flush([M | Acc]) after 0 -> lists:reverse(Acc) end.

main() ->
    io:format("~p~n", [poll()]),
    self() ! one,
    io:format("~p~n", [poll()]),
    io:format("~p~n", [poll()]),
    [self() ! N || N <- lists:seq(1, 5)],
    io:format("~p~n", [flush([])]),
    self() ! keep,
    R = receive skip -> skipped after 0 -> nothing_matched end,
    io:format("~p~n", [R]),
    io:format("~p~n", [flush([])]),
    io:format("~p~n", [receive after 0 -> bare_after end]).
