%% -import lets remote functions be called unqualified; local vs remote calls.
-module(module_import_apply).
-export([main/0, exported/1]).
-import(lists, [reverse/1, seq/2, foldl/3]).

exported(X) -> {exported, X}.

local_helper(X) -> X * 3.

main() ->
    io:format("~p~n", [reverse(seq(1, 5))]),
    io:format("~p~n", [foldl(fun(X, A) -> X + A end, 0, seq(1, 100))]),
    io:format("~p~n", [local_helper(7)]),
    io:format("~p~n", [?MODULE:exported(1)]),
    io:format("~p~n", [module_import_apply:exported(2)]),
    io:format("~p~n", [apply(?MODULE, exported, [3])]),
    io:format("~p~n", [apply(fun local_helper/1, [4])]),
    Mod = lists,
    io:format("~p~n", [Mod:max([4, 9, 2])]),
    io:format("~p~n", [erlang:element(2, {a, b})]),
    io:format("~p~n", [erlang:length([x, y])]).
