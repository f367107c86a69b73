-module(wrong_arity).
-export([main/0]).

main() -> add(1, 2, 3).

add(A, B) -> A + B.
