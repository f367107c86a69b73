%% Broadcast to two members that know each other. The broadcaster sends
%% hello to each member once; a member delivers what it receives. It is
%% only best effort: make it reliable.
-module(rb).
-export([main/0, start/0, relay/3]).

main() ->
    start(),
    receive after 1000 -> ok end.

%% The members (p2, p3 when main is p1) learn who the others are; then
%% the broadcaster (p4) starts. Returns the members.
start() ->
    Members = [spawn(fun() -> receive {peers, All} -> member(All, []) end end)
               || _ <- [1, 2]],
    [P ! {peers, Members} || P <- Members],
    spawn(fun() -> broadcast(Members, hello) end),
    Members.

broadcast(Members, Msg) ->
    [P ! {rb, self(), Msg} || P <- Members],
    ok.

%% All: every member, this one included. Delivered: what this member
%% has delivered, as {From, Msg}.
member(All, Delivered) ->
    receive
        {rb, From, Msg} ->
            deliver(From, Msg),
            member(All, [{From, Msg} | Delivered])
    end.

deliver(From, Msg) ->
    io:format("~p delivers ~p from ~p~n", [self(), Msg, From]),
    pidlab:emit({deliver, self(), From, Msg}).

%% Sends {rb, From, Msg} on to every member in All but this one, and
%% emits {relay, self(), From, Msg} so that the explorer sees it. Call it
%% from member/2 (it is exported only because nothing calls it yet).
relay(All, From, Msg) ->
    [P ! {rb, From, Msg} || P <- All, P =/= self()],
    pidlab:emit({relay, self(), From, Msg}).
