%% Three peers that know each other each greet the other two, note the
%% order the greetings arrive in, and report it to main, which notes
%% the order the reports arrive in. Every delivery races with others,
%% to the same receiver or to different ones. Everyone then waits,
%% holding what it noted, so the final states are every combination of
%% orders: 2 per peer and 6 for main, 48.
-module(gossip_orders).
-export([main/0]).

main() ->
    Main = self(),
    Peers = [spawn(fun() -> peer(Main) end) || _ <- [1, 2, 3]],
    [P ! {peers, Peers} || P <- Peers],
    collect(3, []).

peer(Main) ->
    receive
        {peers, Peers} ->
            Others = [P || P <- Peers, P =/= self()],
            [P ! {hello, self()} || P <- Others],
            Order = [receive {hello, From} -> From end || _ <- Others],
            Main ! {order, self(), Order},
            receive stop -> Order end
    end.

collect(0, Reports) ->
    receive stop -> Reports end;
collect(N, Reports) ->
    receive
        {order, From, Order} -> collect(N - 1, [{From, Order} | Reports])
    end.
