-module(ifdef_without_endif).
-export([main/0]).

-ifdef(TEST).
-define(LEVEL, 3).
-else.
-define(LEVEL, 1).

main() -> ?LEVEL.
