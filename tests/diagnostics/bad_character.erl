-module(bad_character).
-export([main/0]).

main() -> 1 + 2 ` 3.
