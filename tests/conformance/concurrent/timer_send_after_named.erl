%% send_after to a registered name, and a timeout racing a delayed message.
-module(timer_send_after_named).
-export([main/0]).

main() ->
    register(alarm_clock, self()),
    erlang:send_after(20, alarm_clock, wake_up),
    receive wake_up -> io:format("woken by name~n") end,
    erlang:send_after(300, self(), too_slow),
    R = receive too_slow -> arrived after 30 -> timed_out end,
    io:format("~p~n", [R]),
    receive too_slow -> io:format("slow message arrives eventually~n") end,
    unregister(alarm_clock).
