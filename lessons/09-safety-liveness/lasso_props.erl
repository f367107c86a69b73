%% Liveness for lasso.erl and notify.erl: the receiver gets its message.
-module(lasso_props).
-export([eventually_got/1]).

eventually_got(Emitted) ->
    lists:member(got, Emitted).
