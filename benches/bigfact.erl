-module(bigfact).
-export([main/0]).
fact(0, A) -> A;
fact(N, A) -> fact(N - 1, N * A).
main() -> io:format("~p~n", [length(integer_to_list(fact(5000, 1)))]).
