-module(spawn_many).
-export([main/0]).
%% 100,000 processes, each answering one message.
main() ->
    Me = self(),
    Pids = [spawn(fun() -> receive {ask, From} -> From ! {answer, self()} end end) || _ <- lists:seq(1, 100000)],
    [P ! {ask, Me} || P <- Pids],
    [receive {answer, P} -> ok end || P <- Pids],
    io:format("~p~n", [length(Pids)]).
