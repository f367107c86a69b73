-module(lowercase_variable).
-export([add/2]).

add(a, b) -> a + b.
