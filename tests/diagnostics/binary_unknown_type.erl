-module(binary_unknown_type).
-export([f/1]).

f(X) -> <<X:16/integr>>.
