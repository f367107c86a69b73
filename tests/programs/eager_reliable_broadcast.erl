%% Eager reliable broadcast: on first delivery, a process relays the message
%% to everyone before delivering it, so if any correct process delivers,
%% all correct processes do, even when the broadcaster crashes part-way.
-module(eager_reliable_broadcast).
-export([main/0]).

main() ->
    Procs = [spawn(fun() -> receive {peers, All} -> member(All, #{}) end end) || _ <- [1, 2, 3]],
    [P ! {peers, Procs} || P <- Procs],
    B = spawn(fun() -> receive {go, All} -> [P ! {rb, self(), hello} || P <- All] end end),
    B ! {go, Procs},
    receive after 1000 -> ok end.

member(All, Seen) ->
    receive
        {rb, From, M} ->
            case Seen of
                #{M := _} ->
                    member(All, Seen);
                _ ->
                    [P ! {rb, From, M} || P <- All, P =/= self()],
                    pidlab:emit({deliver, self(), From, M}),
                    member(All, Seen#{M => true})
            end
    end.
