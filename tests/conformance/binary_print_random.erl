%% Random terms holding binaries (from a fixed seed), printed with ~p, ~50p and ~w.
-module(binary_print_random).
-export([main/0]).
next(S) -> (S * 1103515245 + 12345) rem 2147483648.
pick(S, N) -> {(S div 65536) rem N, next(S)}.
bin(S) ->
    {K, S1} = pick(S, 4),
    {Len, S2} = pick(S1, case K of 0 -> 4; 1 -> 30; 2 -> 90; _ -> 200 end),
    {Kind, S3} = pick(S2, 3),
    {Bytes, S4} = bytes(Len, Kind, S3, []),
    {list_to_binary(Bytes), S4}.
bytes(0, _, S, Acc) -> {Acc, S};
bytes(N, Kind, S, Acc) ->
    {B, S1} = case Kind of 0 -> pick(S, 256); 1 -> {X, S0} = pick(S, 26), {X + $a, S0}; _ -> {X, S0} = pick(S, 95), {X + 32, S0} end,
    bytes(N - 1, Kind, S1, [B | Acc]).
term(S, 0) -> bin(S);
term(S, D) ->
    {K, S1} = pick(S, 7),
    case K of
        0 -> bin(S1);
        1 -> {N, S2} = pick(S1, 5), {L, S3} = terms(N, S2, D - 1, []), {list_to_tuple(L), S3};
        2 -> {N, S2} = pick(S1, 6), terms(N, S2, D - 1, []);
        3 -> {N, S2} = pick(S1, 4), {L, S3} = terms(N, S2, D - 1, []), {list_to_tuple([tag | L]), S3};
        4 -> {N, S2} = pick(S1, 3), {L, S3} = terms(2 * N, S2, D - 1, []), {maps:from_list(pairs(L)), S3};
        5 -> {N, S2} = pick(S1, 1000), {N, S2};
        _ -> {A, S2} = pick(S1, 3), {lists:nth(A + 1, [a, some_longer_atom, 'Q']), S2}
    end.
pairs([K, V | T]) -> [{K, V} | pairs(T)];
pairs(_) -> [].
terms(0, S, _, Acc) -> {Acc, S};
terms(N, S, D, Acc) -> {T, S1} = term(S, D), terms(N - 1, S1, D, [T | Acc]).
loop(0, _) -> ok;
loop(N, S) ->
    {T, S1} = term(S, 3),
    {W, S2} = pick(S1, 4),
    case W of
        0 -> io:format("~p~n", [T]);
        1 -> io:format("x = ~p~n", [T]);
        2 -> io:format("~50p~n", [T]);
        _ -> io:format("~w~n", [T])
    end,
    loop(N - 1, S2).
main() -> loop(150, 42).
