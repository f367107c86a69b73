%% calendar: day and second counts, weekdays, ISO weeks, validity and OTP's
%% error reasons; timer's unit helpers and tc/1,2,3 results.
-module(lib_calendar).
-export([main/0]).
t(F) -> try F() catch C:E -> {C, E} end.
main() ->
  io:format("~w~n", [[{Y, t(fun() -> calendar:is_leap_year(Y) end)} || Y <- [0, 1900, 2000, 2004, 2023, 2024, 2100, -4, 4.0, a]]]),
  io:format("~w~n", [[{Y, M, t(fun() -> calendar:last_day_of_the_month(Y, M) end)} || Y <- [2023, 2024, 1900, -1], M <- [1, 2, 4, 12, 13, 0]]]),
  Dates = [{0, 1, 1}, {0, 12, 31}, {1, 1, 1}, {1970, 1, 1}, {2000, 2, 29}, {2023, 12, 31}, {2024, 3, 1}, {1999, 2, 29}, {2024, 13, 1}, {2024, 0, 1}, {2024, 1, 0}, {-1, 1, 1}, {2024, 1, 1.0}, x],
  io:format("~w~n", [[{D, t(fun() -> calendar:date_to_gregorian_days(D) end)} || D <- Dates]]),
  io:format("~w~n", [[{D, t(fun() -> calendar:day_of_the_week(D) end)} || D <- Dates]]),
  io:format("~w~n", [[{D, t(fun() -> calendar:valid_date(D) end)} || D <- Dates]]),
  io:format("~w~n", [[t(fun() -> calendar:valid_date(Y, M, D) end) || {Y, M, D} <- [{2024, 2, 29}, {a, 1, 1}, {2023, 2, 29}]]]),
  io:format("~w~n", [[t(fun() -> calendar:date_to_gregorian_days(2024, 2, 29) end), t(fun() -> calendar:day_of_the_week(2024, 2, 29) end)]]),
  io:format("~w~n", [[{N, t(fun() -> calendar:gregorian_days_to_date(N) end)} || N <- [0, 1, 59, 60, 365, 366, 719528, 738885, 739000, 1000000, -1, 1.5, a]]]),
  io:format("~w~n", [[{N, t(fun() -> calendar:gregorian_days_to_date(calendar:date_to_gregorian_days(calendar:gregorian_days_to_date(N))) end)} || N <- lists:seq(730000, 740000, 997)]]),
  DTs = [{{1970, 1, 1}, {0, 0, 0}}, {{2024, 2, 29}, {23, 59, 59}}, {{0, 1, 1}, {0, 0, 0}}, {{2024, 2, 29}, {24, 0, 0}}, {{2024, 2, 29}, {1, 2}}, x],
  io:format("~w~n", [[{D, t(fun() -> calendar:datetime_to_gregorian_seconds(D) end)} || D <- DTs]]),
  io:format("~w~n", [[{S, t(fun() -> calendar:gregorian_seconds_to_datetime(S) end)} || S <- [0, 86399, 86400, 62167219200, 63871286399, -1, 1.5]]]),
  io:format("~w~n", [[{S, t(fun() -> calendar:seconds_to_time(S) end)} || S <- [0, 3661, 86399, 86400, -1]]]),
  io:format("~w~n", [[{S, t(fun() -> calendar:seconds_to_daystime(S) end)} || S <- [0, 3661, 86400, 200000, -1, -86401]]]),
  io:format("~w~n", [[{T, t(fun() -> calendar:time_to_seconds(T) end)} || T <- [{0, 0, 0}, {1, 1, 1}, {25, 61, 61}, {1, 2}]]]),
  io:format("~w~n", [[{N, t(fun() -> calendar:now_to_datetime(N) end)} || N <- [{0, 0, 0}, {1700, 123456, 999}, {1, 2}]]]),
  io:format("~w~n", [[{N, t(fun() -> calendar:now_to_universal_time(N) end)} || N <- [{0, 0, 0}, {1700, 123456, 999}]]]),
  io:format("~w~n", [[{D, t(fun() -> calendar:iso_week_number(D) end)} || D <- [{2024, 1, 1}, {2023, 1, 1}, {2021, 1, 3}, {2020, 12, 31}, {2026, 12, 31}, {2027, 1, 1}, {2015, 12, 31}, {2016, 1, 3}]]]),
  io:format("~w~n", [[timer:seconds(3), timer:minutes(2), timer:hours(1), timer:hms(1, 2, 3), timer:now_diff({1, 2, 3}, {0, 1, 5})]]),
  io:format("~w~n", [[t(fun() -> element(2, timer:tc(fun() -> ok end)) end), t(fun() -> element(2, timer:tc(fun(X) -> X * 2 end, [21])) end), t(fun() -> element(2, timer:tc(lists, reverse, [[1, 2]])) end), t(fun() -> timer:tc(x) end)]]).
