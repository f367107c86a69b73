-module(unbound_typo).
-export([total/1]).

total(Items) ->
    Count = length(Items),
    Cuont + 1.
