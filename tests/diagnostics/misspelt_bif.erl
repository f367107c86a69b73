-module(misspelt_bif).
-export([main/0]).

main() -> lenght([1, 2, 3]).
