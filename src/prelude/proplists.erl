%% `proplists`: lists of `{Key, Value}` pairs and bare atoms (an atom `K`
%% stands for `{K, true}`).
-module(proplists).
-export([get_value/2, get_value/3, get_bool/2, lookup/2, lookup_all/2,
         is_defined/2, delete/2, get_all_values/2, append_values/2,
         property/1, property/2]).

%% The entry for Key, if a list element is one: the element itself.
entry(Key, P) when is_atom(P), P =:= Key -> {ok, {Key, true}};
entry(Key, P) when tuple_size(P) >= 1, element(1, P) =:= Key -> {ok, P};
entry(_, _) -> no.

get_value(Key, L) -> get_value(Key, L, undefined).
get_value(Key, [P | Ps], Default) ->
    case entry(Key, P) of
        {ok, {_, V}} -> V;
        {ok, _} -> Default;
        no -> get_value(Key, Ps, Default)
    end;
get_value(_, [], Default) -> Default.

get_bool(Key, L) ->
    case lookup(Key, L) of
        {_, true} -> true;
        _ -> false
    end.

lookup(Key, [P | Ps]) ->
    case entry(Key, P) of
        {ok, E} -> E;
        no -> lookup(Key, Ps)
    end;
lookup(_, []) -> none.

lookup_all(Key, L) -> [E || P <- L, {ok, E} <- [entry(Key, P)]].

is_defined(Key, L) -> lookup(Key, L) =/= none.

delete(Key, L) -> [P || P <- L, entry(Key, P) =:= no].

get_all_values(Key, L) -> [V || P <- L, {ok, {_, V}} <- [entry(Key, P)]].

append_values(Key, L) ->
    lists:append([if is_list(V) -> V; true -> [V] end || V <- get_all_values(Key, L)]).

property({Key, true}) when is_atom(Key) -> Key;
property(P) -> P.
property(Key, true) when is_atom(Key) -> Key;
property(Key, V) -> {Key, V}.
