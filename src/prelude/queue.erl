%% `queue`, kept as OTP keeps it so programs print the same terms: a pair
%% {Rear, Front} of lists, the newest element first in Rear and the oldest
%% first in Front. When one side runs empty, half of the other side moves
%% over. Anything else passed as a queue is badarg; get/1 and drop/1 of an
%% empty queue fail with `empty`.
-module(queue).
-export([new/0, is_queue/1, is_empty/1, len/1, to_list/1, from_list/1,
         member/2, in/2, in_r/2, out/1, out_r/1, get/1, get_r/1, peek/1,
         peek_r/1, drop/1, drop_r/1, reverse/1, join/2, split/2, filter/2,
         filtermap/2, fold/3, all/2, any/2, delete/2, delete_r/2,
         delete_with/2, delete_with_r/2, head/1, tail/1, cons/2, snoc/2,
         daeh/1, last/1, liat/1, init/1, lait/1]).

new() -> {[], []}.

is_queue({R, F}) when is_list(R), is_list(F) -> true;
is_queue(_) -> false.

is_empty({[], []}) -> true;
is_empty({R, F}) when is_list(R), is_list(F) -> false;
is_empty(Q) -> erlang:error(badarg, [Q]).

len({R, F}) when is_list(R), is_list(F) -> erlang:length(R) + erlang:length(F);
len(Q) -> erlang:error(badarg, [Q]).

to_list({R, F}) when is_list(R), is_list(F) -> F ++ lists:reverse(R);
to_list(Q) -> erlang:error(badarg, [Q]).

from_list(L) when is_list(L) -> front_to_rear(L);
from_list(L) -> erlang:error(badarg, [L]).

member(X, {R, F}) when is_list(R), is_list(F) ->
    lists:member(X, F) orelse lists:member(X, R);
member(X, Q) -> erlang:error(badarg, [X, Q]).

in(X, {[_] = R, []}) -> {[X], R};
in(X, {R, F}) when is_list(R), is_list(F) -> {[X | R], F};
in(X, Q) -> erlang:error(badarg, [X, Q]).

in_r(X, {[], [_] = F}) -> {F, [X]};
in_r(X, {R, F}) when is_list(R), is_list(F) -> {R, [X | F]};
in_r(X, Q) -> erlang:error(badarg, [X, Q]).

out({[], []} = Q) -> {empty, Q};
out({[V], []}) -> {{value, V}, {[], []}};
out({[Y | R], []}) ->
    [V | F] = lists:reverse(R),
    {{value, V}, {[Y], F}};
out({R, [V]}) when is_list(R) -> {{value, V}, rear_to_front(R)};
out({R, [V | F]}) when is_list(R) -> {{value, V}, {R, F}};
out(Q) -> erlang:error(badarg, [Q]).

out_r({[], []} = Q) -> {empty, Q};
out_r({[], [V]}) -> {{value, V}, {[], []}};
out_r({[], [Y | F]}) ->
    [V | R] = lists:reverse(F),
    {{value, V}, {R, [Y]}};
out_r({[V], F}) when is_list(F) -> {{value, V}, front_to_rear(F)};
out_r({[V | R], F}) when is_list(F) -> {{value, V}, {R, F}};
out_r(Q) -> erlang:error(badarg, [Q]).

get({[], []} = Q) -> erlang:error(empty, [Q]);
get({R, F}) when is_list(R), is_list(F) -> oldest(R, F);
get(Q) -> erlang:error(badarg, [Q]).
oldest(_, [X | _]) -> X;
oldest(R, []) -> lists:last(R).

get_r({[], []} = Q) -> erlang:error(empty, [Q]);
get_r({[X | _], F}) when is_list(F) -> X;
get_r({[], F}) when is_list(F) -> lists:last(F);
get_r(Q) -> erlang:error(badarg, [Q]).

peek({[], []}) -> empty;
peek({R, F}) when is_list(R), is_list(F) -> {value, oldest(R, F)};
peek(Q) -> erlang:error(badarg, [Q]).

peek_r({[], []}) -> empty;
peek_r({[X | _], F}) when is_list(F) -> {value, X};
peek_r({[], F}) when is_list(F) -> {value, lists:last(F)};
peek_r(Q) -> erlang:error(badarg, [Q]).

drop({[], []} = Q) -> erlang:error(empty, [Q]);
drop({R, F} = Q) when is_list(R), is_list(F) -> element(2, out(Q));
drop(Q) -> erlang:error(badarg, [Q]).

drop_r({[], []} = Q) -> erlang:error(empty, [Q]);
drop_r({R, F} = Q) when is_list(R), is_list(F) -> element(2, out_r(Q));
drop_r(Q) -> erlang:error(badarg, [Q]).

reverse({R, F}) when is_list(R), is_list(F) -> {F, R};
reverse(Q) -> erlang:error(badarg, [Q]).

join({R, F} = Q, {[], []}) when is_list(R), is_list(F) -> Q;
join({[], []}, {R, F} = Q) when is_list(R), is_list(F) -> Q;
join({R1, F1}, {R2, F2}) when is_list(R1), is_list(F1), is_list(R2), is_list(F2) ->
    {R2, F1 ++ lists:reverse(R1, F2)};
join(Q1, Q2) -> erlang:error(badarg, [Q1, Q2]).

split(0, {R, F} = Q) when is_list(R), is_list(F) -> {{[], []}, Q};
split(N, {R, F} = Q) when is_integer(N), N >= 1, is_list(R), is_list(F) ->
    LenF = erlang:length(F),
    LenR = erlang:length(R),
    if
        N < LenF ->
            [X | F1] = F,
            {Taken, Rest} = move(N - 1, F1, []),
            {{Taken, [X]}, {R, Rest}};
        N =:= LenF -> {front_to_rear(F), rear_to_front(R)};
        N - LenF > LenR -> erlang:error(badarg, [N, Q]);
        N - LenF =:= LenR -> {Q, {[], []}};
        true ->
            [X | R1] = R,
            {Moved, Left} = move(LenR - (N - LenF) - 1, R1, []),
            {{Left, F}, {[X], Moved}}
    end;
split(N, Q) -> erlang:error(badarg, [N, Q]).

%% Moves N elements from the head of a list onto Acc, newest first.
move(0, L, Acc) -> {Acc, L};
move(N, [X | L], Acc) -> move(N - 1, L, [X | Acc]).

filter(P, {R, F}) when is_function(P, 1), is_list(R), is_list(F) ->
    F1 = filter_front(P, F),
    R1 = filter_rear(P, R),
    rebuild(R1, F1);
filter(P, Q) -> erlang:error(badarg, [P, Q]).

filter_front(P, [X | F]) ->
    case P(X) of
        true -> [X | filter_front(P, F)];
        false -> filter_front(P, F);
        L when is_list(L) -> L ++ filter_front(P, F)
    end;
filter_front(_, []) -> [].

filter_rear(P, [X | R]) ->
    R1 = filter_rear(P, R),
    case P(X) of
        true -> [X | R1];
        false -> R1;
        L when is_list(L) -> lists:reverse(L, R1)
    end;
filter_rear(_, []) -> [].

filtermap(P, {R, F}) when is_function(P, 1), is_list(R), is_list(F) ->
    F1 = filtermap_front(P, F),
    R1 = filtermap_rear(P, R),
    rebuild(R1, F1);
filtermap(P, Q) -> erlang:error(badarg, [P, Q]).

filtermap_front(P, [X | F]) ->
    case P(X) of
        true -> [X | filtermap_front(P, F)];
        false -> filtermap_front(P, F);
        {true, Y} -> [Y | filtermap_front(P, F)]
    end;
filtermap_front(_, []) -> [].

filtermap_rear(P, [X | R]) ->
    R1 = filtermap_rear(P, R),
    case P(X) of
        true -> [X | R1];
        false -> R1;
        {true, Y} -> [Y | R1]
    end;
filtermap_rear(_, []) -> [].

rebuild([], F) -> front_to_rear(F);
rebuild(R, []) -> rear_to_front(R);
rebuild(R, F) -> {R, F}.

fold(Fun, Acc, {R, F}) when is_function(Fun, 2), is_list(R), is_list(F) ->
    lists:foldr(Fun, lists:foldl(Fun, Acc, F), R);
fold(Fun, Acc, Q) -> erlang:error(badarg, [Fun, Acc, Q]).

all(P, {R, F}) when is_function(P, 1), is_list(R), is_list(F) ->
    lists:all(P, F) andalso lists:all(P, R);
all(P, Q) -> erlang:error(badarg, [P, Q]).

any(P, {R, F}) when is_function(P, 1), is_list(R), is_list(F) ->
    lists:any(P, F) orelse lists:any(P, R);
any(P, Q) -> erlang:error(badarg, [P, Q]).

delete(X, Q) -> delete_with(fun(Y) -> Y =:= X end, Q).
delete_r(X, Q) -> delete_with_r(fun(Y) -> Y =:= X end, Q).

delete_with(P, {R, F} = Q) when is_function(P, 1), is_list(R), is_list(F) ->
    case remove_first(P, F) of
        false ->
            case remove_first(P, lists:reverse(R)) of
                false -> Q;
                [] -> front_to_rear(F);
                R1 -> {lists:reverse(R1), F}
            end;
        [] -> rear_to_front(R);
        F1 -> {R, F1}
    end;
delete_with(P, Q) -> erlang:error(badarg, [P, Q]).

delete_with_r(P, {R, F} = Q) when is_function(P, 1), is_list(R), is_list(F) ->
    case remove_first(P, R) of
        false ->
            case remove_first(P, lists:reverse(F)) of
                false -> Q;
                [] -> rear_to_front(R);
                F1 -> {R, lists:reverse(F1)}
            end;
        [] -> front_to_rear(F);
        R1 -> {R1, F}
    end;
delete_with_r(P, Q) -> erlang:error(badarg, [P, Q]).

%% The list without its first element that P accepts, or false.
remove_first(P, [X | L]) ->
    case P(X) of
        true -> L;
        false ->
            case remove_first(P, L) of
                false -> false;
                L1 -> [X | L1]
            end
    end;
remove_first(_, []) -> false.

head(Q) -> queue:get(Q).
tail(Q) -> drop(Q).
cons(X, Q) -> in_r(X, Q).
snoc(Q, X) -> in(X, Q).
daeh(Q) -> get_r(Q).
last(Q) -> get_r(Q).
liat(Q) -> drop_r(Q).
init(Q) -> drop_r(Q).
lait(Q) -> drop_r(Q).

%% A front list (oldest first) as a queue: its later half goes to the rear.
front_to_rear([]) -> {[], []};
front_to_rear([X]) -> {[X], []};
front_to_rear(F) ->
    {Front, Back} = lists:split(erlang:length(F) div 2, F),
    {lists:reverse(Back), Front}.

%% A rear list (newest first) as a queue: its older half goes to the front.
rear_to_front([]) -> {[], []};
rear_to_front([X]) -> {[], [X]};
rear_to_front(R) ->
    {Rear, Older} = lists:split(erlang:length(R) div 2, R),
    {Rear, lists:reverse(Older)}.
