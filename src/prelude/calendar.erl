%% `calendar`: the proleptic Gregorian calendar from year 0, days and
%% seconds counted from {0, 1, 1}. Clauses and guards fail as OTP's do
%% (function_clause for bad arguments, if_clause for a day past the end of
%% its month). The clock functions read the world's virtual time, which
%% starts at 1970-01-01 00:00:00 UTC; local time is universal time.
-module(calendar).
-export([is_leap_year/1, last_day_of_the_month/2, date_to_gregorian_days/1,
         date_to_gregorian_days/3, gregorian_days_to_date/1,
         day_of_the_week/1, day_of_the_week/3, valid_date/1, valid_date/3,
         datetime_to_gregorian_seconds/1, gregorian_seconds_to_datetime/1,
         time_to_seconds/1, seconds_to_time/1, seconds_to_daystime/1,
         iso_week_number/0, iso_week_number/1, now_to_datetime/1,
         now_to_universal_time/1, now_to_local_time/1, universal_time/0,
         local_time/0]).

-define(DAY, 86400).
%% Seconds from year 0 to 1970.
-define(EPOCH, 62167219200).

is_leap_year(Y) when is_integer(Y), Y >= 0 ->
    (Y rem 4 =:= 0 andalso Y rem 100 =/= 0) orelse Y rem 400 =:= 0.

last_day_of_the_month(Y, M) when is_integer(Y), Y >= 0 -> month_length(Y, M).
month_length(_, M) when M =:= 4; M =:= 6; M =:= 9; M =:= 11 -> 30;
month_length(Y, 2) ->
    case is_leap_year(Y) of
        true -> 29;
        false -> 28
    end;
month_length(_, M) when is_integer(M), M > 0, M < 13 -> 31.

date_to_gregorian_days({Y, M, D}) -> date_to_gregorian_days(Y, M, D).
date_to_gregorian_days(Y, M, D) when is_integer(D), D > 0 ->
    Last = last_day_of_the_month(Y, M),
    if
        D =< Last -> days_before_year(Y) + days_before_month(Y, M) + D - 1
    end.

days_before_year(0) -> 0;
days_before_year(Y) ->
    P = Y - 1,
    366 + P * 365 + P div 4 - P div 100 + P div 400.

days_before_month(Y, M) ->
    Leap = case M > 2 andalso is_leap_year(Y) of
               true -> 1;
               false -> 0
           end,
    element(M, {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}) + Leap.

gregorian_days_to_date(Days) when Days >= 0 ->
    Y = find_year(erlang:max(0, Days * 400 div 146097 - 1), Days),
    month_day(Y, Days - days_before_year(Y), 1).

%% The last year that starts on or before day Days, counting up from a
%% year a little below it (400 years have 146097 days).
find_year(Y, Days) ->
    case days_before_year(Y + 1) =< Days of
        true -> find_year(Y + 1, Days);
        false -> Y
    end.

month_day(Y, DayOfYear, M) ->
    Len = month_length(Y, M),
    if
        DayOfYear < Len -> {Y, M, DayOfYear + 1};
        true -> month_day(Y, DayOfYear - Len, M + 1)
    end.

%% 1 is Monday, 7 Sunday.
day_of_the_week({Y, M, D}) -> day_of_the_week(Y, M, D).
day_of_the_week(Y, M, D) -> (date_to_gregorian_days(Y, M, D) + 5) rem 7 + 1.

valid_date({Y, M, D}) -> valid_date(Y, M, D).
valid_date(Y, M, D) when is_integer(Y), is_integer(M), is_integer(D) ->
    Y >= 0 andalso M > 0 andalso M < 13 andalso D > 0 andalso D =< month_length(Y, M).

datetime_to_gregorian_seconds({Date, Time}) ->
    ?DAY * date_to_gregorian_days(Date) + time_to_seconds(Time).

gregorian_seconds_to_datetime(S) when S >= 0 ->
    Days = S div ?DAY,
    {gregorian_days_to_date(Days), seconds_to_time(S rem ?DAY)}.

time_to_seconds({H, M, S}) when is_integer(H), is_integer(M), is_integer(S) ->
    H * 3600 + M * 60 + S.

seconds_to_time(S) when S >= 0, S < ?DAY ->
    {S div 3600, S rem 3600 div 60, S rem 60}.

seconds_to_daystime(S) ->
    Days = S div ?DAY,
    Rest = S rem ?DAY,
    if
        Rest < 0 -> {Days - 1, seconds_to_time(Rest + ?DAY)};
        true -> {Days, seconds_to_time(Rest)}
    end.

%% {Year, Week}: week 1 is the one holding the year's first Thursday.
iso_week_number() -> iso_week_number(element(1, local_time())).
iso_week_number({Y, M, D}) ->
    Day = date_to_gregorian_days(Y, M, D),
    Next = week_one(Y + 1),
    This = week_one(Y),
    if
        Day >= Next -> {Y + 1, 1};
        Day >= This -> {Y, (Day - This) div 7 + 1};
        true -> {Y - 1, (Day - week_one(Y - 1)) div 7 + 1}
    end.

%% The day number of the Monday that starts week 1 of year Y.
week_one(Y) ->
    Jan4 = date_to_gregorian_days(Y, 1, 4),
    Jan4 - (day_of_the_week(Y, 1, 4) - 1).

now_to_datetime({MegaSecs, Secs, _}) ->
    gregorian_seconds_to_datetime(MegaSecs * 1000000 + Secs + ?EPOCH).
now_to_universal_time(Now) -> now_to_datetime(Now).
now_to_local_time(Now) -> now_to_datetime(Now).

universal_time() -> now_to_datetime(os:timestamp()).
local_time() -> universal_time().
