-module(undefined_function).
-export([main/0]).

main() -> greet("world").

greeting(Name) -> "hello " ++ Name.
