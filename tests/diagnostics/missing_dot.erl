-module(missing_dot).
-export([main/0]).

main() -> helper()

helper() -> ok.
