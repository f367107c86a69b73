%% Best-effort broadcast. Three members wait for messages; a broadcaster
%% sends hello to each of them once, over perfect links. A member
%% delivers what it receives: it prints it and emits
%% {deliver, Member, From, Msg}.
-module(beb).
-export([main/0, start/0]).

%% For pidlab run: start, then wait a second of virtual time so that
%% the run lasts until the messages are delivered.
main() ->
    start(),
    receive after 1000 -> ok end.

%% Starts the members (p2, p3, p4 when main or the shell is p1) and the
%% broadcaster (p5); returns the members.
start() ->
    Members = [spawn(fun() -> member() end) || _ <- [1, 2, 3]],
    spawn(fun() -> broadcast(Members, hello) end),
    Members.

broadcast(Members, Msg) ->
    [P ! {beb, self(), Msg} || P <- Members],
    ok.

member() ->
    receive
        {beb, From, Msg} ->
            deliver(From, Msg),
            member()
    end.

deliver(From, Msg) ->
    io:format("~p delivers ~p from ~p~n", [self(), Msg, From]),
    pidlab:emit({deliver, self(), From, Msg}).
