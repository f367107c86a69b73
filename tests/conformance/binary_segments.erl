%% Segment types, sizes, units and floats of 16, 32 and 64 bits, built and matched.
-module(binary_segments).
-export([main/0]).
t(F) -> try F() catch C:E -> {C, E} end.
f(B) when byte_size(B) > 2, binary_part(B, 0, 1) =:= <<"a">> -> long_a;
f(B) when is_binary(B), bit_size(B) =:= 8 -> one_byte;
f(X) when <<X:8>> =:= <<1>> -> one;
f(_) -> other.
main() ->
    io:format("~p~n", [[f(<<"abc">>), f(<<"x">>), f(1), f(a), f(2.0), f(<<"bcd">>)]]),
    io:format("~p~n", [<<"ab":16, "é", "ő">>]),
    io:format("~p~n", [<<"ab"/utf16-little>>]),
    io:format("~p~n", [t(fun() -> <<X/float>> = <<1:64>>, X end)]),
    io:format("~p~n", [t(fun() -> <<X:8/signed-integer-unit:1>> = <<200>>, X end)]),
    io:format("~p~n", [t(fun() -> <<X:2/unit:8>> = <<1, 2>>, X end)]),
    io:format("~p~n", [t(fun() -> <<X:3/binary-unit:16>> = <<"abcdef">>, X end)]),
    io:format("~p~n", [t(fun() -> <<1.5/float, 2:32/float-little>> end)]),
    io:format("~p~n", [t(fun() -> <<(1 bsl 70):72, -1:72/signed>> end)]),
    io:format("~p~n", [t(fun() -> X = 1.0, <<X:8>> = <<1>> end)]),
    io:format("~p~n", [t(fun() -> X = 1, <<X:8/float>> = <<1>> end)]),
    io:format("~p~n", [t(fun() -> <<A/binary>> = <<"all">>, A end)]),
    io:format("~p~n", [t(fun() -> B = <<"x">>, <<B/binary, B/binary, "y">> end)]),
    io:format("~p~n", [t(fun() -> <<16#FFFF:16/native>> end)]),
    io:format("~p~n", [t(fun() -> <<(-1):8/unsigned>> end)]),
    io:format("~p~n", [t(fun() -> <<255:8/signed>> end)]),
    io:format("~p~n", [t(fun() -> <<X:0, Y/binary>> = <<"ab">>, {X, Y} end)]),
    io:format("~p~n", [t(fun() -> <<X/utf8>> = <<237,160,128>>, X end)]),
    io:format("~p~n", [t(fun() -> X = 16#D800, <<X/utf8>> end)]),
    io:format("~p~n", [t(fun() -> <<X:16/float>> = <<60,0>>, X end)]),
    io:format("~p~n", [t(fun() -> <<0.1:16/float>> end)]),
    io:format("~p~n", [t(fun() -> <<100000.0:16/float>> end)]),
    io:format("~p~n", [t(fun() -> <<1.0e39:32/float>> end)]),
    io:format("~p~n", [t(fun() -> <<X:32/float>> = <<127,128,0,0>>, X end)]),
    Fs = [0.1, 0.2, 1/3, 2/3, 1.0e-5, 6.0e-8, 5.96e-8, 2.98e-8, 3.0e-8, 1.0e-7, 6.1e-5, 6.103515625e-5, 65504.0, 65519.0, 65519.99, 1.00048828125, 1.00146484375, 2049.0, 2051.0, 4097.0, 1.0e-8, -0.0, -2.5, 3.14159, 1000.5, 0.000123, 12345.678, 0.5, 1.5, 1024.5, 7.62939453125e-6]
         ++ [X / 7 || X <- lists:seq(1, 200)] ++ [1 / X || X <- lists:seq(1, 300)],
    io:format("~w~n", [[<<F:16/float>> || F <- Fs]]),
    io:format("~w~n", [[<<F:32/float>> || F <- Fs ++ [1.0e-40, 1.0e-45, 3.4028235e38, 3.4028236e38]]]),
    {N, _} = {8, x},
    io:format("~p~n", [[X || <<X:N>> <= <<1, 2>>]]),
    {M, _} = {16, y},
    <<Z:M>> = <<1, 2>>,
    io:format("~p~n", [Z]),
    case {M, <<3, 4>>} of {_, <<W:M>>} -> io:format("~p~n", [W]) end.
