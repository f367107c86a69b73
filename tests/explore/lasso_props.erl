%% Property for lasso.erl: the receiver gets a ping in every execution.
-module(lasso_props).
-export([eventually_got/1]).

eventually_got(E) when is_list(E) ->
    lists:member(got, E);
eventually_got(_) ->
    false.
