%% Eager reliable broadcast. Three members know each other; a broadcaster
%% sends hello to each of them once. A member that receives a message
%% for the first time relays it to every other member, then delivers
%% it; later copies of it are ignored.
-module(erb).
-export([main/0, start/0]).

main() ->
    start(),
    receive after 1000 -> ok end.

%% The members (p2, p3, p4 when main or the shell is p1) learn who the
%% others are; then the broadcaster (p5) starts. Returns the members.
start() ->
    Members = [spawn(fun() -> receive {peers, All} -> member(All, []) end end)
               || _ <- [1, 2, 3]],
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
            case lists:member({From, Msg}, Delivered) of
                true ->
                    member(All, Delivered);
                false ->
                    [P ! {rb, From, Msg} || P <- All, P =/= self()],
                    deliver(From, Msg),
                    member(All, [{From, Msg} | Delivered])
            end
    end.

deliver(From, Msg) ->
    io:format("~p delivers ~p from ~p~n", [self(), Msg, From]),
    pidlab:emit({deliver, self(), From, Msg}).
