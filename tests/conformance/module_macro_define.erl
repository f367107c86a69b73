%% Constant macros with -define and the predefined ?MODULE.
-module(module_macro_define).
-export([main/0]).

-define(LIMIT, 10).
-define(GREETING, "hello").
-define(PAIR, {alpha, 1}).
-define(SCALE, 2.5).
-define(LIMIT_PLUS_ONE, ?LIMIT + 1).

main() ->
    io:format("~p~n", [?LIMIT]),
    io:format("~s~n", [?GREETING]),
    io:format("~p~n", [?PAIR]),
    io:format("~p~n", [?SCALE * 2]),
    io:format("~p~n", [?LIMIT_PLUS_ONE * 2]),
    io:format("~p~n", [?MODULE]),
    io:format("~p~n", [[X || X <- lists:seq(1, 20), X > ?LIMIT, X rem 5 =:= 0]]),
    {Name, _} = ?PAIR,
    io:format("~p~n", [Name]),
    io:format("~p~n", [atom_to_list(?MODULE)]).
