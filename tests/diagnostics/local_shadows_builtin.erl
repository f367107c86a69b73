-module(local_shadows_builtin).
-export([main/0]).
abs(X) -> X.
f(X) when abs(X) > 1 -> big; f(_) -> small.
main() -> io:format("~p~n", [{abs(-3), f(-3)}]).
