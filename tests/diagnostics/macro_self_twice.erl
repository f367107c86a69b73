-module(macro_self_twice).
-export([main/0]).
-define(LIMIT, ?LIMIT + ?LIMIT).
main() -> ?LIMIT.
