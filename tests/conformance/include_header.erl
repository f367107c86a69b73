-module(include_header).
-export([main/0]).
-include("include_header.hrl").
-include_lib("include_header_lib.hrl").

deposit(#account{balance = B, history = H} = A, N) when B + N =< ?LIMIT ->
    A#account{balance = B + N, history = [{deposit, N} | H]};
deposit(A, _) ->
    A.

main() ->
    A = deposit(deposit(#account{owner = ann}, 30), 80),
    io:format("~p~n", [A]),
    io:format("~s~n", [?GREETING]),
    ok.
