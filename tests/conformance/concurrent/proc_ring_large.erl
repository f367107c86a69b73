%% A ring of 1000 processes, each adding its index to a running sum.
-module(proc_ring_large).
-export([main/0]).

member_loop(Index, Next) ->
    receive
        {sum, Acc} -> Next ! {sum, Acc + Index}
    end.

main() ->
    N = 1000,
    Self = self(),
    First = lists:foldl(fun(I, Next) -> spawn(fun() -> member_loop(I, Next) end) end,
                        Self, lists:seq(N, 1, -1)),
    First ! {sum, 0},
    receive {sum, Total} -> io:format("sum over ring: ~p~n", [Total]) end,
    io:format("expected: ~p~n", [N * (N + 1) div 2]).
