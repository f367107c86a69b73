-module(macro_wrong_arity).
-export([area/1]).

-define(SQUARE(X), X * X).

area(Side) -> ?SQUARE(Side, Side).
