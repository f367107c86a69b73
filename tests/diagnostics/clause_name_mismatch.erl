-module(clause_name_mismatch).
-export([f/1]).

f(0) -> zero;
g(_) -> other.
