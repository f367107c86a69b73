%% Bitwise operators on positive, negative and big integers.
-module(arith_bitwise).
-export([main/0]).

main() ->
    io:format("~w ~w ~w~n", [12 band 10, 12 bor 10, 12 bxor 10]),
    io:format("bnot: ~w ~w ~w~n", [bnot 0, bnot 5, bnot -1]),
    io:format("neg band: ~w ~w~n", [-1 band 255, -256 band 1023]),
    io:format("neg bor/bxor: ~w ~w~n", [-8 bor 3, -8 bxor 3]),
    io:format("bsl: ~w ~w ~w~n", [1 bsl 10, 3 bsl 62, -1 bsl 64]),
    io:format("bsr: ~w ~w ~w~n", [1024 bsr 3, -1024 bsr 3, -1 bsr 10]),
    io:format("negative shift: ~w ~w~n", [1 bsl -1, 16 bsr -2]),
    Big = 1 bsl 100,
    io:format("big: ~w~n", [Big bor 1]),
    io:format("big band: ~w~n", [(Big - 1) band 16#FFFF]),
    io:format("big bsr: ~w~n", [Big bsr 98]),
    io:format("big bnot: ~w~n", [bnot Big]),
    io:format("big bxor self: ~w~n", [Big bxor Big]),
    io:format("hex: ~.16b ~.2b ~.8b~n", [255, 10, 64]),
    io:format("hex neg: ~.16b ~.16b~n", [-255, 3054]).
