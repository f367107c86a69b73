-module(unclosed_paren).
-export([f/0]).

f() -> io:format("~p~n", [1 + (2 * 3]).
