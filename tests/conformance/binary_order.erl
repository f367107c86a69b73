%% Binaries in the term order, equality, map and dict keys and message passing.
-module(binary_order).
-export([main/0]).

main() ->
    Terms = [<<2>>, [1], <<1, 2>>, <<>>, <<1>>, [], {a}, #{}, a, 1, <<255>>, <<0, 0>>, "abc",
             <<"abc">>, <<"abd">>, <<"ab">>],
    io:format("~p~n", [lists:sort(Terms)]),
    io:format("~p~n", [[<<1>> < <<1, 0>>, <<2>> > <<1, 255>>, <<>> < <<0>>, [] < <<>>,
                        [1, 2] < <<>>, <<1>> == <<1>>, <<1>> =:= <<1>>, <<1>> /= <<2>>]]),
    M = #{<<"one">> => 1, <<"two">> => 2, <<>> => empty, <<0>> => zero},
    io:format("~p~n", [M]),
    io:format("~p~n", [maps:get(<<"two">>, M)]),
    io:format("~p~n", [lists:usort([<<"b">>, <<"a">>, <<"b">>, <<"a">>])]),
    Self = self(),
    Pid = spawn(fun() -> receive {From, <<N:16, Rest/binary>>} -> From ! {N, Rest} end end),
    Pid ! {Self, <<1, 2, "rest">>},
    receive {N, Rest} -> io:format("~p ~p~n", [N, Rest]) end,
    Self ! <<"hello">>,
    receive <<"hel", Tail/binary>> -> io:format("~p~n", [Tail]) end,
    D = dict:from_list([{<<"apple">>, 1}, {<<"pear">>, 2}, {<<"kiwi">>, 3}, {<<"fig">>, 4}, {<<>>, 5}]),
    io:format("~p~n", [dict:to_list(D)]).
