%% The bit syntax in patterns: function heads, case, receive and `=`.
-module(binary_patterns).
-export([main/0]).

t(F) -> try F() catch C:E -> {C, E} end.

sum(<<>>) -> 0;
sum(<<H, T/binary>>) -> H + sum(T).

words(<<>>, Acc, Ws) -> lists:reverse([Acc | Ws]);
words(<<" ", Rest/binary>>, Acc, Ws) -> words(Rest, <<>>, [Acc | Ws]);
words(<<C, Rest/binary>>, Acc, Ws) -> words(Rest, <<Acc/binary, C>>, Ws).

packet(<<1, Len:16, Body:Len/binary, Rest/binary>>) -> {data, Body, Rest};
packet(<<2, X:32/signed-little>>) -> {int, X};
packet(<<3, F:64/float>>) -> {float, F};
packet(<<4, F:32/float-little>>) -> {float32, F};
packet(<<"GET ", Path/binary>>) -> {get, Path};
packet(<<A:4/binary, _/binary>>) -> {prefix, A};
packet(_) -> unknown.

ip(<<A, B, C, D>>) -> {A, B, C, D}.

rgb(<<R:5, G:6, B:5>>) -> {R, G, B}.

utf8_len(<<>>) -> 0;
utf8_len(<<_/utf8, R/binary>>) -> 1 + utf8_len(R).

main() ->
    io:format("~p~n", [sum(<<1, 2, 3, 4, 250>>)]),
    io:format("~p~n", [words(<<"the quick brown fox">>, <<>>, [])]),
    Ps = [<<1, 0, 3, "abcdef">>, <<2, 255, 255, 255, 255>>, <<2, 1, 0, 0, 0>>,
          <<3, 2.5:64/float>>, <<4, 1.25:32/float-little>>, <<"GET /index.html">>,
          <<"longer text">>, <<1, 0, 9, "short">>, <<"abc">>, <<>>],
    [io:format("~p~n", [packet(P)]) || P <- Ps],
    io:format("~p~n", [ip(<<192, 168, 0, 1>>)]),
    io:format("~p~n", [rgb(<<16#F8, 16#1F>>)]),
    io:format("~p~n", [utf8_len(<<"h", 195, 169, "llo", 226, 130, 172>>)]),
    <<N:8, Data:N/binary, More/binary>> = <<3, "abcdef">>,
    io:format("~p ~p ~p~n", [N, Data, More]),
    <<X:16/big, Y:16/little, Z:16/signed, W:24>> = <<1, 2, 1, 2, 255, 254, 0, 1, 0>>,
    io:format("~p~n", [[X, Y, Z, W]]),
    <<Big:72>> = <<1, 0, 0, 0, 0, 0, 0, 0, 0>>,
    <<Neg:72/signed>> = <<255, 255, 255, 255, 255, 255, 255, 255, 254>>,
    io:format("~p ~p~n", [Big, Neg]),
    <<A:3, B:5, Rest/binary>> = <<2#10111111, "x">>,
    io:format("~p ~p ~p~n", [A, B, Rest]),
    case <<"key=value">> of
        <<"key=", V/binary>> -> io:format("~p~n", [V])
    end,
    case <<5, "hello world">> of
        <<L, Word:L/binary, " ", _/binary>> when L > 3 -> io:format("~p~n", [Word])
    end,
    self() ! {msg, <<7, 8, 9>>},
    receive {msg, <<First, _/binary>>} -> io:format("~p~n", [First]) end,
    Bin = <<"abc">>,
    case <<"abc">> of Bin -> io:format("bound match~n") end,
    Size = 2,
    <<Two:Size/binary, _/binary>> = <<"xyz">>,
    io:format("~p~n", [Two]),
    <<E/utf8, F/utf16, G/utf32-little>> = <<"é"/utf8, 8364/utf16, 128512/utf32-little>>,
    io:format("~p~n", [[E, F, G]]),
    io:format("~p~n", [t(fun() -> <<Q:8>> = <<1, 2>>, Q end)]),
    io:format("~p~n", [t(fun() -> <<_:16, R/binary>> = <<1>>, R end)]),
    io:format("~p~n", [t(fun() -> <<Fl:64/float>> = <<255, 255, 255, 255, 255, 255, 255, 255>>, Fl end)]),
    io:format("~p~n", [t(fun() -> <<U/utf8>> = <<255>>, U end)]),
    io:format("~p~n", [t(fun() -> <<H2, _/binary>> = [1, 2], H2 end)]),
    io:format("~p~n", [t(fun() -> M = -1, <<K:M>> = <<1>>, K end)]),
    io:format("~p~n", [t(fun() -> M = 99999999999, <<K:M>> = <<1>>, K end)]),
    io:format("~p~n", [[X2 || <<X2>> <- [<<1>>, <<2, 3>>, <<4>>, a]]]),
    io:format("~p~n", [if is_binary(Bin), byte_size(Bin) > 2 -> big; true -> small end]),
    io:format("~p~n", [[Y2 || Y2 <- [<<"ab">>, <<"cde">>, x], is_binary(Y2), binary_part(Y2, 0, 1) =:= <<"c">>]]).
