-module(types_and_specs).
-behaviour(shape).
-behavior(shape).
-export([main/0, area/1, sides/1]).
-export_type([shape/0, small/0, id/0]).

-record(circle, {r = 1.0 :: float()}).
-record(square, {side = 1 :: pos_integer(), name = "" :: string() | undefined}).

-type small() :: 1..10.
-type letter() :: $a..$z.
-type sign() :: -1..1.
-type id() :: {id, non_neg_integer()}.
-opaque shape() :: #circle{} | #square{side :: pos_integer()}.
-type tree(T) :: leaf | {node, tree(T), T, tree(T)}.
-type nonempty(T) :: [T, ...].
-type handler() :: fun((atom()) -> ok) | fun((...) -> ok) | fun().
-type table() :: #{atom() => integer(), name := string()}.
-type remote() :: lists:list() | erlang:timestamp() | [module:type(integer())].
-type named() :: {Name :: atom(), Age :: 0..150}.
-type bits() :: <<>> | <<_:8>> | <<_:_*8>>.
-type any_of() :: a | b | 'c d' | 1 | -1 | [] | [atom()] | {} | #{} | none() | term().

-callback init(Args :: term()) -> {ok, State :: term()} | {error, Reason :: term()}.
-callback handle(Msg, State) -> {noreply, State} when Msg :: term(), State :: term().

-spec area(shape()) -> float().
area(#circle{r = R}) -> 3.0 * R * R;
area(#square{side = S}) -> float(S * S).

-spec sides(Shape) -> non_neg_integer() when Shape :: shape();
           (other) -> 0.
sides(#circle{}) -> 0;
sides(#square{}) -> 4;
sides(other) -> 0.

-spec main() -> ok.
main() ->
    io:format("~p ~p~n", [area(#circle{}), area(#square{side = 3})]),
    io:format("~p ~p ~p~n", [sides(#circle{}), sides(#square{}), sides(other)]),
    ok.
