%% `timer`, except sleep/1 (a world built-in, since it waits). tc/1,2,3
%% measure in microseconds of the world's virtual clock, which moves only
%% while every process waits: computing takes no time, waiting in a
%% receive or sleep takes exactly its timeout.
-module(timer).
-export([tc/1, tc/2, tc/3, seconds/1, minutes/1, hours/1, hms/3,
         now_diff/2]).

tc(F) ->
    T0 = erlang:monotonic_time(),
    V = F(),
    {elapsed(T0), V}.

tc(F, Args) ->
    T0 = erlang:monotonic_time(),
    V = apply(F, Args),
    {elapsed(T0), V}.

tc(M, F, Args) ->
    T0 = erlang:monotonic_time(),
    V = apply(M, F, Args),
    {elapsed(T0), V}.

elapsed(T0) ->
    erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond).

seconds(S) -> 1000 * S.
minutes(M) -> 60 * 1000 * M.
hours(H) -> 60 * 60 * 1000 * H.
hms(H, M, S) -> hours(H) + minutes(M) + seconds(S).

now_diff({A2, B2, C2}, {A1, B1, C1}) ->
    ((A2 - A1) * 1000000 + (B2 - B1)) * 1000000 + (C2 - C1).
