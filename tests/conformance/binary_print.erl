%% Binaries printed by ~p and ~w: text, bytes, empty, nested, long ones wrapped.
-module(binary_print).
-export([main/0]).

seq(A, B) -> list_to_binary(lists:seq(A, B)).

main() ->
    Samples = [<<>>, <<"text">>, <<1, 2, 3>>, <<"tab\there">>, <<"quote\"back\\">>,
               <<"new\nline">>, <<7>>, <<27>>, <<127>>, <<160, 255>>, <<"caf", 233>>,
               <<0>>, <<"a", 0>>, <<200, 201>>, <<"\e\b\f\v\r">>],
    [io:format("~p ~w~n", [B, B]) || B <- Samples],
    io:format("~p~n", [seq(0, 255)]),
    io:format("~p~n", [seq(32, 126)]),
    io:format("~p~n", [{tag, seq(0, 60)}]),
    io:format("~p~n", [{a_longer_tag, seq(100, 160), seq(1, 3)}]),
    io:format("~p~n", [[seq(1, 30), seq(200, 230), <<"short">>]]),
    io:format("~p~n", [#{key => seq(0, 40), <<"bin key">> => [seq(250, 255)]}]),
    io:format("~p~n", [[<<1>>, <<2>>, <<3>>, <<4>>, <<5>>, <<6>>, <<7>>, <<8>>, <<9>>, <<10>>,
                        <<11>>, <<12>>, <<13>>, <<14>>, <<15>>, <<16>>, <<17>>, <<18>>]]),
    io:format("~p~n", [[<<"aaaaaaaaaa">>, <<"bbbbbbbbbbbbbbbbbbb">>, <<"ccccccccccccccccccc">>,
                        <<"dddddddddddddddddddddd">>, <<"eeeeeeeeeeeeeeeeeee">>]]),
    io:format("~p~n", [{x, [{y, seq(240, 255), seq(0, 20)}]}]),
    io:format("~p~n", [list_to_binary(lists:duplicate(120, $x))]),
    io:format("~p~n", [[list_to_binary(lists:duplicate(50, $x)), list_to_binary(lists:duplicate(50, $y))]]),
    io:format("~40p~n", [seq(0, 30)]),
    io:format("abc ~p~n", [seq(0, 40)]),
    io:format("~s ~s ~s~n", [<<"bin">>, [<<"io">>, $l, "ist" | <<"tail">>], <<"caf", 233>>]),
    io:format("~10s|~-10s|~.2s~n", [<<"right">>, <<"left">>, <<"cut">>]),
    io:format("~ts~n", [<<"caf", 195, 169>>]),
    io:format(<<"a binary format ~p~n">>, [ok]),
    io:format("~p~n", [io_lib:format("~s and ~p", [<<"x">>, <<"y">>]) =:= "x and <<\"y\">>"]),
    io:format("~p~n", [lists:flatten(io_lib:format("~s and ~p", [<<"x">>, <<"y">>]))]).
