%% A node that is not distributed: node/0,1, nodes/0 and is_alive/0, so a
%% program written for several nodes also runs on one.
-module(nodes_alone).
-export([main/0]).

main() ->
    io:format("~p~n", [{node(), node(self()), nodes(), is_alive()}]),
    io:format("~p~n", [[N || N <- [node() | nodes()]]]),
    io:format("~p~n", [catch element(1, catch node(3))]).
