%% term_to_binary/1 gives erl's bytes for small terms; binary_to_term/1 reads them back.
-module(binary_term_format).
-export([main/0]).

t(F) -> try F() catch C:E -> {C, E} end.

main() ->
    Terms = [a, 'hello world', 'é', 0, 1, 255, 256, 300, -1, -2147483648, 2147483647,
             2147483648, 1 bsl 40, -(1 bsl 40), 1 bsl 70, -(1 bsl 70), 1 bsl 2100,
             1.5, -0.0, 0.1, 1.0e300, "abc", "", [1, 2000], [a | b], [[]], {}, {a, b},
             list_to_tuple(lists:seq(1, 300)), <<>>, <<1, 2>>, #{}, #{a => 1, b => 2},
             #{<<"k">> => [x], 1 => 2.0}, [], lists:seq(1, 300), lists:duplicate(70000, 1),
             {[<<"nested">>, #{t => {1, "s"}}], -7}, fun lists:map/2],
    [begin
         Bin = term_to_binary(T),
         Back = binary_to_term(Bin),
         io:format("~w ~p~n", [Back =:= T, if byte_size(Bin) < 80 -> Bin; true -> byte_size(Bin) end])
     end || T <- Terms],
    Bad = [<<>>, <<131>>, <<130, 97, 1>>, <<131, 97>>, <<131, 104, 2, 97, 1>>,
           <<131, 108, 0, 0, 0, 5, 106>>, <<131, 109, 255, 255, 255, 255, 1>>,
           <<131, 70, 127, 240, 0, 0, 0, 0, 0, 0>>, <<131, 200>>, <<131, 97, 1, 2>>,
           <<131, 116, 255, 255, 255, 255>>, <<131, 107, 0, 3, 97>>],
    [io:format("~p~n", [t(fun() -> binary_to_term(B) end)]) || B <- Bad],
    io:format("~p~n", [binary_to_term(<<131, 100, 0, 3, 102, 111, 111>>)]),
    io:format("~p~n", [binary_to_term(<<131, 119, 3, 102, 111, 111>>)]),
    io:format("~p~n", [binary_to_term(<<131, 99, "1.50000000000000000000e+00", 0, 0, 0, 0, 0>>)]),
    io:format("~p~n", [t(fun() -> term_to_binary(self()) =:= term_to_binary(self()) end)]),
    io:format("~p~n", [t(fun() -> binary_to_term(term_to_binary(self())) =:= self() end)]).
