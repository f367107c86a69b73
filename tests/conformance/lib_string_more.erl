%% string: Unicode case functions, to_float, sub_string, centre, words, sub_word
%% and the old padding functions, with OTP's error reasons.
-module(lib_string_more).
-export([main/0]).
t(F) -> try F() catch C:E -> {C, E} end.
main() ->
  io:format("~w~n", [[t(fun() -> string:uppercase(S) end) || S <- ["abc", "Hello World", "straße", "åäö ÿ", "", "ǆ", [1013, 945, 962], "ﬁ", a, [$a | $b]]]]),
  io:format("~w~n", [[t(fun() -> string:lowercase(S) end) || S <- ["ABC", "Hello World", "STRASSE", "ÅÄÖ", "", "ǅ", "İ", [931, 928], a]]]),
  io:format("~w~n", [[t(fun() -> string:titlecase(S) end) || S <- ["abc", "hello world", "ßa", "ǆx", "", "Abc", "1a", a]]]),
  io:format("~w~n", [[t(fun() -> string:casefold(S) end) || S <- ["ABC", "Straße", "ΣΑΣ", ""]]]),
  io:format("~w~n", [[t(fun() -> string:to_float(S) end) || S <- ["1.5", "1.5abc", "-1.5", "+2.25e3x", "1", "1.", ".5", "1.5e", "1.5e+", "1.5E-2", "abc", "", "  1.5", "1.0e400", "12.34.56", "0.1e1", a, [$1, $., $5 | a]]]]),
  io:format("~w~n", [[t(fun() -> string:to_integer(S) end) || S <- ["12", "12abc", "-12", "+3", "-", "abc", "", " 1", "1.5", a]]]),
  io:format("~p~n", [[t(fun() -> string:sub_string(S, B) end) || S <- ["hello world"], B <- [1, 3, 11, 12, 13, 0]]]),
  io:format("~p~n", [[t(fun() -> string:sub_string(S, B, E) end) || S <- ["hello world"], {B, E} <- [{1, 5}, {3, 3}, {3, 2}, {7, 20}, {12, 20}, {0, 2}, {2, 1}]]]),
  io:format("~p~n", [[t(fun() -> string:centre(S, N) end) || S <- ["abc", "ab", ""], N <- [0, 1, 2, 5, 6, 7]]]),
  io:format("~p~n", [[t(fun() -> string:centre(S, N, $*) end) || S <- ["abc", "abcd"], N <- [2, 3, 8, 9]]]),
  io:format("~p~n", [[t(fun() -> string:left(S, N) end) || S <- ["abc"], N <- [0, 2, 3, 5, -1]]]),
  io:format("~p~n", [[t(fun() -> string:right(S, N, $.) end) || S <- ["abc"], N <- [0, 2, 3, 5, -1]]]),
  io:format("~p~n", [[t(fun() -> string:words(S) end) || S <- ["hello world  foo", "", "  ", "one", " a b "]]]),
  io:format("~p~n", [[t(fun() -> string:words(S, $,) end) || S <- ["a,b,,c", ",", "abc"]]]),
  io:format("~p~n", [[t(fun() -> string:sub_word(S, N) end) || S <- ["hello world  foo", " a b "], N <- [1, 2, 3, 4]]]),
  io:format("~p~n", [[t(fun() -> string:sub_word(S, N, $,) end) || S <- ["a,b,,c"], N <- [1, 3, 4, 0]]]),
  io:format("~p~n", [[t(fun() -> string:copies(S, N) end) || S <- ["ab", ""], N <- [0, 3, -1]]]),
  io:format("~p~n", [[t(fun() -> string:chars(C, N) end) || C <- [$a], N <- [0, 3, -1]]]),
  io:format("~p~n", [[string:chars($x, 3, "yz"), string:str("hello", "ll"), string:str("hello", "x"), string:str("hello", ""), string:rstr("hello hello", "ll"), string:rstr("abc", "")]]),
  io:format("~p~n", [[t(fun() -> string:prefix(S, P) end) || {S, P} <- [{"hello", "he"}, {"hello", "x"}, {"hello", ""}, {"he", "hello"}]]]),
  io:format("~p~n", [[t(fun() -> string:chomp(S) end) || S <- ["abc\n", "abc\r\n", "abc", "abc\n\n", ""]]]),
  ok.
