%% Four receivers, each sent one message by main, while a keeper holds
%% every receiver's pid: no delivery is alone with its sender, so the
%% reduction cannot take one step alone, and the four deliveries (and
%% the receives after them) commute. Sleep sets explore each state once.
-module(known_receivers).
-export([main/0]).

main() ->
    Rs = [spawn(fun receiver/0) || _ <- lists:seq(1, 4)],
    spawn(fun() -> keep(Rs) end),
    [R ! go || R <- Rs],
    ok.

receiver() ->
    receive go -> ok end,
    receive stop -> ok end.

keep(Rs) ->
    receive stop -> Rs end.
