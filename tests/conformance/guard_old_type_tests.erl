-module(guard_old_type_tests).
-export([main/0]).
f(X) when list(X) -> list; f(X) when integer(X) -> int; f(X) when atom(X), tuple({X}) -> atom; f(_) -> other.
main() -> io:format("~p~n", [[f([]), f(1), f(a), f(1.0)]]).
