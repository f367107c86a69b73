-module(macro_args).
-export([main/0]).

-define(SQUARE(X), X * X).
-define(MAX(A, B), if A > B -> A; true -> B end).
-define(PAIR, pair).
-define(PAIR(X), {?PAIR, X, X}).
-define(PAIR(X, Y), {?PAIR, X, Y}).
-define(NOW(), now_called).
-define(SHOW(E), io:format("~s = ~p~n", [??E, E])).
-define(APPLY(F, Args), apply(F, Args)).
-define(DEBUG, true).

-ifdef(DEBUG).
-define(LOG(Msg), {log, Msg}).
-else.
-define(LOG(Msg), ok).
-endif.

-if(?OTP_RELEASE >= 25).
-define(RELEASE, new).
-elif(?OTP_RELEASE >= 21).
-define(RELEASE, middle).
-else.
-define(RELEASE, old).
-endif.

-if(defined(DEBUG) andalso not defined(QUIET)).
-define(MODE, loud).
-elif(defined(QUIET)).
-define(MODE, quiet).
-endif.

-if(1 + 1 =:= 3).
this would not compile.
-elif(2 * 3 =:= 6 orelse false).
-define(MATH, works).
-else.
neither would this.
-endif.

-if(false).
-elif(false).
-else.
-define(LAST, else_branch).
-endif.

-ifdef(MODULE).
-define(HAS_MODULE, yes).
-endif.

-undef(DEBUG).
-ifndef(DEBUG).
-define(UNDEFINED_NOW, yes).
-endif.

name() -> ?FUNCTION_NAME.
arity(_, _) -> ?FUNCTION_ARITY.

main() ->
    io:format("~p~n", [?SQUARE(7)]),
    io:format("~p~n", [?SQUARE(1 + 2)]),
    io:format("~p~n", [?MAX(3, 9)]),
    io:format("~p~n", [{?PAIR, ?PAIR(1), ?PAIR(1, 2)}]),
    io:format("~p~n", [?NOW()]),
    ?SHOW(?SQUARE(4) + 1),
    ?SHOW(lists:reverse([a, "b", 'C d', {1.5, -2}])),
    ?SHOW(case 1 of 1 -> one; _ -> other end),
    io:format("~p~n", [?APPLY(fun(A, B) -> A + B end, [1, 2])]),
    io:format("~p~n", [?LOG(hello)]),
    io:format("~p ~p ~p ~p~n", [?RELEASE, ?MODE, ?MATH, ?LAST]),
    io:format("~p ~p~n", [?HAS_MODULE, ?UNDEFINED_NOW]),
    io:format("~s ~p~n", [?MODULE_STRING, ?MODULE]),
    io:format("~p~n", [lists:suffix("macro_args.erl", ?FILE)]),
    io:format("~p ~p~n", [?LINE, ?MACHINE]),
    io:format("~p ~p~n", [name(), arity(a, b)]),
    ok.
