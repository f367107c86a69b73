%% Head variables share slots with arguments; clauses that swap names or rebind them stay correct.
-module(compile_head_slots).
-export([main/0]).
f(X, Y) when X > 100 -> {X, Y};
f(Y, X) -> {Y, X, g(Y)}.
g(A) -> case A of B when B > 5 -> B; _ -> B = 3, {A, B} end.
h(0) -> X = 5, X;
h(Y) -> Y.
k(X) -> case X of 1 -> Z = a; Z -> ok end, Z.
main() -> io:format("~p ~p ~p ~p ~p ~p ~p~n", [f(1, 2), f(200, 3), g(9), g(1), h(0), h(7), k(2)]).
