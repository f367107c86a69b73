%% Eager reliable broadcast with two members. The broadcaster sends hello
%% to each member once. A member that receives a message for the first
%% time relays it to the other member, then delivers it; later copies of
%% it are ignored.
-module(rb).
-export([main/0, start/0, relay/3]).

main() ->
    start(),
    receive after 1000 -> ok end.

start() ->
    Members = [spawn(fun() -> receive {peers, All} -> member(All, []) end end)
               || _ <- [1, 2]],
    [P ! {peers, Members} || P <- Members],
    spawn(fun() -> broadcast(Members, hello) end),
    Members.

broadcast(Members, Msg) ->
    [P ! {rb, self(), Msg} || P <- Members],
    ok.

member(All, Delivered) ->
    receive
        {rb, From, Msg} ->
            case lists:member({From, Msg}, Delivered) of
                true ->
                    member(All, Delivered);
                false ->
                    relay(All, From, Msg),
                    deliver(From, Msg),
                    member(All, [{From, Msg} | Delivered])
            end
    end.

deliver(From, Msg) ->
    io:format("~p delivers ~p from ~p~n", [self(), Msg, From]),
    pidlab:emit({deliver, self(), From, Msg}).

relay(All, From, Msg) ->
    [P ! {rb, From, Msg} || P <- All, P =/= self()],
    pidlab:emit({relay, self(), From, Msg}).
