%% `proplists`: lists of `{Key, Value}` pairs and bare atoms (an atom `K`
%% stands for `{K, true}`).
-module(proplists).
-export([get_value/2, get_value/3, get_bool/2, lookup/2, lookup_all/2,
         is_defined/2, delete/2, get_all_values/2, append_values/2,
         property/1, property/2, get_keys/1, compact/1, unfold/1, expand/2,
         split/2, to_map/1, to_map/2, from_map/1, normalize/2,
         substitute_aliases/2, substitute_negations/2]).

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

%% The keys in a set, listed as sets:to_list/1 lists them (as in OTP).
get_keys(L) -> sets:to_list(get_keys(L, sets:new())).
get_keys([P | Ps], Keys) when is_atom(P) -> get_keys(Ps, sets:add_element(P, Keys));
get_keys([P | Ps], Keys) when tuple_size(P) >= 1 ->
    get_keys(Ps, sets:add_element(element(1, P), Keys));
get_keys([_ | Ps], Keys) -> get_keys(Ps, Keys);
get_keys([], Keys) -> Keys.

compact(L) -> [property(P) || P <- L].

unfold([P | Ps]) when is_atom(P) -> [{P, true} | unfold(Ps)];
unfold([P | Ps]) -> [P | unfold(Ps)];
unfold([]) -> [].

%% Each expansion replaces the first entry with its key, if that entry is
%% the expansion's property, and drops the later entries with the key; the
%% first expansion of a key wins. Lists among the result's elements (the
%% expansions and any list in L) are spliced in at the end.
expand(Es, L) ->
    Es1 = [{property(P), V} || {P, V} <- Es],
    splice(expand_all(first_of_each_key(Es1, []), L)).
first_of_each_key([{P, _} = E | Es], Seen) ->
    K = key(P),
    case lists:member(K, Seen) of
        true -> first_of_each_key(Es, Seen);
        false -> [E | first_of_each_key(Es, [K | Seen])]
    end;
first_of_each_key([], _) -> [].
expand_all([{P, V} | Es], L) -> expand_all(Es, expand_one(key(P), P, V, L));
expand_all([], L) -> L.
expand_one(K, P, V, [E | Es]) ->
    case is_entry_of(K, E) andalso {property(E)} of
        {P} -> [V | drop_key(K, Es)];
        false -> [E | expand_one(K, P, V, Es)];
        _ -> [E | Es]
    end;
expand_one(_, _, _, []) -> [].
splice([E | Es]) when is_list(E) -> E ++ splice(Es);
splice([E | Es]) -> [E | splice(Es)];
splice([]) -> [].

drop_key(K, [E | Es]) ->
    case is_entry_of(K, E) of
        true -> drop_key(K, Es);
        false -> [E | drop_key(K, Es)]
    end;
drop_key(_, []) -> [].

key(P) when is_atom(P) -> P;
key(P) when tuple_size(P) >= 1 -> element(1, P);
key(P) -> P.
is_entry_of(K, E) -> entry(K, E) =/= no.

split(L, Keys) ->
    {Store, Rest} = split(L, [{K, []} || K <- Keys], []),
    {[lists:reverse(Ps) || {_, Ps} <- Store], lists:reverse(Rest)}.
split([P | Ps], Store, Rest) ->
    case put_in(key(P), P, Store) of
        nokey -> split(Ps, Store, [P | Rest]);
        Store1 -> split(Ps, Store1, Rest)
    end;
split([], Store, Rest) -> {Store, Rest}.
put_in(K, P, [{K, Ps} | Store]) when is_atom(P); tuple_size(P) >= 1 ->
    [{K, [P | Ps]} | Store];
put_in(K, P, [E | Store]) ->
    case put_in(K, P, Store) of
        nokey -> nokey;
        Store1 -> [E | Store1]
    end;
put_in(_, _, []) -> nokey.

%% The first entry of a key gives its value; a tuple of another size than
%% two hides the key, as get_value/2 would.
to_map(L) ->
    lists:foldr(fun
        ({K, V}, M) -> M#{K => V};
        (T, M) when tuple_size(T) >= 1 -> maps:remove(element(1, T), M);
        (K, M) when is_atom(K) -> M#{K => true};
        (_, M) -> M
    end, #{}, L).
to_map(L, Stages) -> to_map(normalize(L, Stages)).

from_map(M) -> maps:to_list(M).

normalize(L, [{aliases, As} | Stages]) -> normalize(substitute_aliases(As, L), Stages);
normalize(L, [{expand, Es} | Stages]) -> normalize(expand(Es, L), Stages);
normalize(L, [{negations, Ns} | Stages]) -> normalize(substitute_negations(Ns, L), Stages);
normalize(L, []) -> compact(L).

substitute_aliases(As, L) -> [alias(As, P) || P <- L].
alias([{K, K1} | As], P) ->
    case entry(K, P) of
        no -> alias(As, P);
        _ when is_atom(P) -> property(K1, true);
        _ -> setelement(1, P, K1)
    end;
alias([], P) -> P.

substitute_negations(Ns, L) -> [negation(Ns, P) || P <- L].
negation([{K, K1} | Ns], P) ->
    case entry(K, P) of
        no -> negation(Ns, P);
        {ok, {_, true}} -> {K1, false};
        {ok, _} -> property(K1, true)
    end;
negation([], P) -> P.
