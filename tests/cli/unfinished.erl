-module(unfinished).
-export([main/0]).

%% main returns while p2 sleeps and a timer is on its way to p3; p4 waits
%% in receive for a message nobody sends, so it has nothing left to do.
main() ->
    spawn(fun() -> timer:sleep(100), io:format("p2 woke~n") end),
    P3 = spawn(fun() -> receive hello -> io:format("p3 got hello~n") end end),
    spawn(fun() -> receive never -> ok end end),
    erlang:send_after(50, P3, hello),
    io:format("main done~n").
