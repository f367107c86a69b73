-module(misspelt_remote).
-export([main/0]).

main() -> lists:mapp(fun(X) -> X end, [1]).
