-module(semicolon_in_body).
-export([f/0]).

f() ->
    X = 1;
    X + 1.
