%% Binary generators (`<=`) and binary comprehensions (`<< ... || ... >>`).
-module(binary_comprehensions).
-export([main/0]).

t(F) -> try F() catch C:E -> {C, E} end.

main() ->
    N = 16,
    F = fun(<<X:N, _/binary>>) -> X end,
    io:format("~p~n", [F(<<1, 2, 3>>)]),
    io:format("~p~n", [[X || <<X:N>> <= <<1, 2, 3, 4, 5>>]]),
    io:format("~p~n", [[{A, B} || <<A:4, B:4>> <= <<16#12, 16#34>>]]),
    io:format("~p~n", [[X || <<"k", X>> <= <<"k1j2k3">>]]),
    io:format("~p~n", [[X || <<1, X>> <= <<1, 2, 3, 4, 1, 5>>]]),
    io:format("~p~n", [<< <<X, X>> || <<X>> <= <<"abc">> >>]),
    io:format("~p~n", [<< <<(X + 1)>> || <<X>> <= <<"HAL">> >>]),
    io:format("~p~n", [<< <<"-", X>> || X <- "xyz" >>]),
    io:format("~p~n", [<< B || B <- [<<"ab">>, <<>>, <<"c">>] >>]),
    io:format("~p~n", [<< <<X:4>> || X <- [1, 2, 3, 4] >>]),
    io:format("~p~n", [<< <<X:3>> || X <- [1, 2, 3, 4, 5, 6, 7, 0] >>]),
    io:format("~p~n", [[X + Y || <<X>> <= <<1, 2>>, <<Y>> <= <<10, 20>>]]),
    io:format("~p~n", [<< <<R, G, B>> || <<B, G, R>> <= <<1, 2, 3, 4, 5, 6>>, R > 3 >>]),
    io:format("~p~n", [<< <<Y/utf8>> || <<Y/utf8>> <= <<"h", 195, 169>> >>]),
    io:format("~p~n", [[X || <<X:2/binary>> <= <<"abcde">>]]),
    io:format("~p~n", [[X || <<X:16>> <= <<1, 2, 3>>]]),
    io:format("~p~n", [[X || <<X>> <= <<>>]]),
    io:format("~p~n", [<< <<X>> || X <- [], X > 1 >>]),
    io:format("~p~n", [t(fun() -> << X || X <- [1, 2] >> end)]),
    io:format("~p~n", [t(fun() -> [X || <<X>> <= [1, 2]] end)]).
