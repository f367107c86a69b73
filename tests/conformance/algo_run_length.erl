%% Run-length encoding and decoding of strings and lists.
-module(algo_run_length).
-export([main/0]).

encode([]) -> [];
encode([H | T]) -> encode(T, H, 1, []).

encode([H | T], H, N, Acc) -> encode(T, H, N + 1, Acc);
encode([H | T], Cur, N, Acc) -> encode(T, H, 1, [{Cur, N} | Acc]);
encode([], Cur, N, Acc) -> lists:reverse([{Cur, N} | Acc]).

decode(Runs) -> lists:append([lists:duplicate(N, X) || {X, N} <- Runs]).

compact(Runs) ->
    lists:flatten([case N of 1 -> [C]; _ -> integer_to_list(N) ++ [C] end || {C, N} <- Runs]).

main() ->
    S = "aaabccddddde",
    E = encode(S),
    io:format("~p~n", [E]),
    io:format("~s~n", [compact(E)]),
    io:format("~p~n", [decode(E) =:= S]),
    io:format("~p~n", [encode([1, 1, 2, 2, 2, 1])]),
    io:format("~p~n", [encode([])]),
    io:format("~p~n", [encode([x])]).
