-module(lists_sort_equal_terms).
-export([main/0, run/1]).
%% Terms that compare equal but differ (1 and 1.0, tuples with equal
%% keys) come out of OTP's sorts in an order fixed by its merge sort.
%% Many pseudo-random lists, the same on every run, each sorted every way.

main() -> run(300).

run(N) ->
    lists:foldl(fun(I, Seed) ->
                        {L, Seed1} = list(Seed),
                        show(I, L),
                        Seed1
                end, 42, lists:seq(1, N)),
    ok.

%% A linear congruential generator, so erl and pidlab draw the same lists.
next(S) -> (S * 1103515245 + 12345) rem 2147483648.

list(S0) ->
    S1 = next(S0),
    Len = case S1 rem 8 of
              0 -> (S1 div 65536) rem 120;
              _ -> (S1 div 65536) rem 24
          end,
    elems(Len, S1, []).

elems(0, S, Acc) -> {Acc, S};
elems(K, S0, Acc) ->
    S1 = next(S0),
    E = element((S1 div 65536) rem 8 + 1, {1, 1.0, 2, 2.0, 3, 3.0, 1, 2}),
    T = element((S1 div 1024) rem 4 + 1, {a, b, a, c}),
    elems(K - 1, S1, [{E, T, K} | Acc]).

show(I, L) ->
    Nums = [E || {E, _, _} <- L],
    Pairs = [{E, T} || {E, T, _} <- L],
    io:format("~w ~w~n", [I, Nums]),
    io:format(" sort ~w~n usort ~w~n", [lists:sort(Nums), lists:usort(Nums)]),
    io:format(" keysort ~w~n", [lists:keysort(1, L)]),
    io:format(" ukeysort ~w~n", [lists:ukeysort(1, Pairs)]),
    io:format(" sort_pairs ~w~n usort_pairs ~w~n", [lists:sort(Pairs), lists:usort(Pairs)]),
    io:format(" sort_le ~w~n", [lists:sort(fun(A, B) -> A =< B end, Nums)]),
    io:format(" sort_lt ~w~n", [lists:sort(fun(A, B) -> A < B end, Nums)]),
    io:format(" sort_key_gt ~w~n",
              [lists:sort(fun({A, _, _}, {B, _, _}) -> A > B end, L)]),
    {Xs, Ys} = lists:split(length(Nums) div 2, Nums),
    io:format(" merge ~w~n", [lists:merge(lists:sort(Xs), lists:sort(Ys))]),
    io:format(" merge_lt ~w~n",
              [lists:merge(fun(A, B) -> A < B end, lists:sort(Xs), lists:sort(Ys))]).
