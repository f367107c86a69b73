-module(report_dates).
-export([main/0, times/0]).

%% A process crashes at each of these virtual times (milliseconds since
%% 1970-01-01): its error report's header carries that date. Past year
%% 9999 erl's logger writes the year as ****.
times() ->
    [0, 90061001, 951782400000, 4102444800123, 253402300799999, 253402300800000].

main() ->
    crash_at(times(), 0).

crash_at([], _) ->
    ok;
crash_at([T | Ts], Now) ->
    {Pid, Ref} = spawn_monitor(fun() -> timer:sleep(T - Now), error(late) end),
    receive {'DOWN', Ref, process, Pid, _} -> crash_at(Ts, T) end.
