%% The common functions of `string`, for strings as lists of characters.
%% `length`, `is_empty`, `equal`, `pad`, `take`, `lexemes` and `nth_lexeme`
%% also take chardata (binaries and deep lists, as OTP's do); the others take
%% flat lists only. Results are flat lists except where OTP returns nested
%% character data (replace/3,4, pad), which is kept. A piece cut out of a
%% binary is a binary; out of a deep list, a flat list (OTP keeps parts of
%% the nesting). Grapheme clusters are a character with the combining marks
%% after it, and CR LF; search patterns and separators are matched character
%% by character.
-module(string).
-export([tokens/2, lexemes/2, join/2, to_upper/1, to_lower/1, len/1,
         length/1, copies/2, chars/2, chars/3, chr/2, rchr/2, str/2, rstr/2,
         substr/2, substr/3, slice/2, slice/3, strip/1, strip/2, strip/3,
         trim/1, trim/2, split/2, split/3, find/2, find/3, replace/3,
         replace/4, is_empty/1, equal/2, concat/2, reverse/1, to_integer/1,
         left/2, left/3, right/2, right/3, centre/2, centre/3, sub_string/2,
         sub_string/3, words/1, words/2, sub_word/2, sub_word/3, to_float/1,
         prefix/2, chomp/1, equal/3, equal/4, pad/2, pad/3, pad/4, take/2,
         take/3, take/4, nth_lexeme/3]).

tokens(S, Seps) -> tokens(S, Seps, [], []).
tokens([C | T], Seps, Cur, Acc) ->
    case lists:member(C, Seps) of
        true when Cur =:= [] -> tokens(T, Seps, [], Acc);
        true -> tokens(T, Seps, [], [lists:reverse(Cur) | Acc]);
        false -> tokens(T, Seps, [C | Cur], Acc)
    end;
tokens([], _, [], Acc) -> lists:reverse(Acc);
tokens([], _, Cur, Acc) -> lists:reverse([lists:reverse(Cur) | Acc]).

join([], Sep) when is_list(Sep) -> [];
join([H | T], Sep) -> H ++ lists:append([Sep ++ X || X <- T]).

to_upper(C) when is_integer(C) -> upper(C);
to_upper(S) when is_list(S) -> [upper(C) || C <- S].
to_lower(C) when is_integer(C) -> lower(C);
to_lower(S) when is_list(S) -> [lower(C) || C <- S].

upper(C) when C >= $a, C =< $z -> C - 32;
upper(C) when C >= 16#E0, C =< 16#FE, C =/= 16#F7 -> C - 32;
upper(C) -> C.
lower(C) when C >= $A, C =< $Z -> C + 32;
lower(C) when C >= 16#C0, C =< 16#DE, C =/= 16#D7 -> C + 32;
lower(C) -> C.

len(S) -> erlang:length(S).

copies(S, 0) when is_list(S) -> [];
copies(S, N) when is_list(S), is_integer(N), N > 0 -> lists:append(lists:duplicate(N, S)).
chars(C, N) -> chars(C, N, []).
chars(C, N, Tail) when N > 0 -> chars(C, N - 1, [C | Tail]);
chars(C, 0, Tail) when is_integer(C) -> Tail.

chr(S, C) -> chr(S, C, 1).
chr([C | _], C, I) -> I;
chr([_ | T], C, I) -> chr(T, C, I + 1);
chr([], _, _) -> 0.

rchr(S, C) -> rchr(S, C, 1, 0).
rchr([C | T], C, I, _) -> rchr(T, C, I + 1, I);
rchr([_ | T], C, I, L) -> rchr(T, C, I + 1, L);
rchr([], _, _, L) -> L.

%% An empty Sub is found nowhere, as in OTP.
str(_, []) -> 0;
str(S, Sub) -> str(S, Sub, 1).
str([_ | T] = S, Sub, I) ->
    case lists:prefix(Sub, S) of
        true -> I;
        false -> str(T, Sub, I + 1)
    end;
str([], _, _) -> 0.

rstr(_, []) -> 0;
rstr(S, Sub) -> rstr(S, Sub, 1, 0).
rstr([_ | T] = S, Sub, I, L) ->
    case lists:prefix(Sub, S) of
        true -> rstr(T, Sub, I + 1, I);
        false -> rstr(T, Sub, I + 1, L)
    end;
rstr([], _, _, L) -> L.

%% Starting past the end is function_clause, as in OTP.
substr(S, 1) -> S;
substr([_ | S], Start) when is_integer(Start), Start > 1 -> substr(S, Start - 1).
substr(S, 1, Len) when is_integer(Len), Len >= 0 -> lists:sublist(S, Len);
substr([_ | S], Start, Len) when is_integer(Start), Start > 1 -> substr(S, Start - 1, Len).

sub_string(S, Start) -> substr(S, Start).
sub_string(S, Start, Stop) -> substr(S, Start, Stop - Start + 1).

slice(S, Start) -> slice(S, Start, infinity).
slice(S, Start, Len) when is_integer(Start), Start >= 0 ->
    Rest = drop(Start, S),
    case Len of
        infinity -> Rest;
        _ when is_integer(Len), Len >= 0 -> lists:sublist(Rest, Len)
    end.
drop(0, S) -> S;
drop(_, []) -> [];
drop(N, [_ | T]) -> drop(N - 1, T).

strip(S) -> strip(S, both, $\s).
strip(S, Dir) -> strip(S, Dir, $\s).
strip(S, left, C) -> lists:dropwhile(fun(X) -> X =:= C end, S);
strip(S, right, C) -> lists:reverse(strip(lists:reverse(S), left, C));
strip(S, both, C) -> strip(strip(S, left, C), right, C).

trim(S) -> trim(S, both).
trim(S, leading) -> lists:dropwhile(fun is_space/1, S);
trim(S, trailing) -> lists:reverse(lists:dropwhile(fun is_space/1, lists:reverse(S)));
trim(S, both) -> trim(trim(S, leading), trailing).
is_space(C) -> lists:member(C, [$\s, $\t, $\n, $\r, $\v, $\f, 16#85, 16#A0]).

split(S, Sep) -> split(S, Sep, leading).
split(S, [], _) -> [S];
split(S, Sep, leading) ->
    case cut(S, Sep, []) of
        {Before, After} -> [Before, After];
        nomatch -> [S]
    end;
split(S, Sep, trailing) ->
    R = lists:reverse(S),
    case cut(R, lists:reverse(Sep), []) of
        {Before, After} -> [lists:reverse(After), lists:reverse(Before)];
        nomatch -> [S]
    end;
split(S, Sep, all) ->
    case cut(S, Sep, []) of
        {Before, After} -> [Before | split(After, Sep, all)];
        nomatch -> [S]
    end.

%% The text before the first Sep and the text after it.
cut([_ | T] = S, Sep, Acc) ->
    case lists:prefix(Sep, S) of
        true -> {lists:reverse(Acc), lists:nthtail(erlang:length(Sep), S)};
        false -> cut(T, Sep, [hd(S) | Acc])
    end;
cut([], _, _) -> nomatch.

find(S, P) -> find(S, P, leading).
find(S, [], _) -> S;
find(S, P, leading) -> find_first(S, P);
find(S, P, trailing) -> find_last(S, P, nomatch).
find_first([_ | T] = S, P) ->
    case lists:prefix(P, S) of
        true -> S;
        false -> find_first(T, P)
    end;
find_first([], _) -> nomatch.
find_last([_ | T] = S, P, Last) ->
    case lists:prefix(P, S) of
        true -> find_last(T, P, S);
        false -> find_last(T, P, Last)
    end;
find_last([], _, Last) -> Last.

replace(S, P, R) -> replace(S, P, R, leading).
replace(S, P, R, Where) ->
    case split(S, P, Where) of
        [_] -> [S];
        Parts -> lists:join(R, Parts)
    end.

concat(A, B) -> A ++ B.
reverse(S) -> lists:reverse(S).

to_integer([C | T]) when C =:= $-; C =:= $+ ->
    case digits(T, []) of
        {[], _} -> {error, no_integer};
        {Ds, Rest} when C =:= $- -> {-list_to_integer(Ds), Rest};
        {Ds, Rest} -> {list_to_integer(Ds), Rest}
    end;
to_integer(S) when is_list(S) ->
    case digits(S, []) of
        {[], _} -> {error, no_integer};
        {Ds, Rest} -> {list_to_integer(Ds), Rest}
    end;
to_integer(_) -> erlang:error(badarg).

%% Sign, digits, a point and digits, then an exponent if it is complete;
%% {error, no_float} if there is no such prefix or it is out of range.
%% An improper list is badarg (from length/1), as in OTP.
to_float(S) when is_list(S) ->
    _ = erlang:length(S),
    float_prefix(S);
to_float(_) -> erlang:error(badarg).
float_prefix([C | T]) when C =:= $-; C =:= $+ ->
    case float_prefix(T) of
        {F, Rest} when C =:= $- -> {-F, Rest};
        Result -> Result
    end;
float_prefix(S) ->
    case digits(S, []) of
        {[_ | _] = Int, [$. | T]} ->
            case digits(T, []) of
                {[_ | _] = Frac, Rest} ->
                    {Exp, Rest1} = exponent(Rest),
                    try {list_to_float(Int ++ "." ++ Frac ++ Exp), Rest1}
                    catch error:badarg -> {error, no_float}
                    end;
                _ -> {error, no_float}
            end;
        _ -> {error, no_float}
    end.
exponent([E | T] = S) when E =:= $e; E =:= $E ->
    {Sign, T1} =
        case T of
            [C | T0] when C =:= $-; C =:= $+ -> {[C], T0};
            _ -> {[], T}
        end,
    case digits(T1, []) of
        {[], _} -> {[], S};
        {Ds, Rest} -> {"e" ++ Sign ++ Ds, Rest}
    end;
exponent(S) -> {[], S}.
digits([D | T], Acc) when D >= $0, D =< $9 -> digits(T, [D | Acc]);
digits(Rest, Acc) -> {lists:reverse(Acc), Rest}.

left(S, N) when is_integer(N) -> left(S, N, $\s).
left(S, N, C) when is_integer(C) ->
    L = erlang:length(S),
    if
        L > N -> substr(S, 1, N);
        L < N -> S ++ chars(C, N - L);
        true -> S
    end.
right(S, N) when is_integer(N) -> right(S, N, $\s).
right(S, N, C) when is_integer(C) ->
    L = erlang:length(S),
    if
        L > N -> substr(S, L - N + 1);
        L < N -> chars(C, N - L, S);
        true -> S
    end.

%% Of an odd padding, the extra character goes right; of an odd cut, left.
centre(S, N) -> centre(S, N, $\s).
centre(_, 0, _) -> [];
centre(S, N, C) when is_integer(C) ->
    L = erlang:length(S),
    if
        L > N -> substr(S, (L - N) div 2 + 1, N);
        L < N ->
            Left = (N - L) div 2,
            chars(C, Left, S ++ chars(C, N - L - Left));
        true -> S
    end.

%% Words are separated by runs of Sep; the ends are stripped first.
words(S) -> words(S, $\s).
words(S, Sep) when is_integer(Sep) -> count_words(strip(S, both, Sep), Sep, 0).
count_words([], _, N) -> N + 1;
count_words([Sep | T], Sep, N) -> count_words(strip(T, left, Sep), Sep, N + 1);
count_words([_ | T], Sep, N) -> count_words(T, Sep, N).

sub_word(S, I) -> sub_word(S, I, $\s).
sub_word(S, I, Sep) when is_integer(I), is_integer(Sep) ->
    case words(S, Sep) of
        N when N < I -> [];
        _ -> nth_word(strip(S, left, Sep), I, Sep, 1, [])
    end.
nth_word([], _, _, _, Acc) -> lists:reverse(Acc);
nth_word([Sep | _], I, Sep, I, Acc) -> lists:reverse(Acc);
nth_word([C | T], I, Sep, I, Acc) -> nth_word(T, I, Sep, I, [C | Acc]);
nth_word([Sep | T], I, Sep, J, Acc) when J < I -> nth_word(strip(T, left, Sep), I, Sep, J + 1, Acc);
nth_word([_ | T], I, Sep, J, Acc) when J < I -> nth_word(T, I, Sep, J, Acc).

prefix(S, []) -> S;
prefix([C | S], [C | P]) -> prefix(S, P);
prefix(_, _) -> nomatch.

%% Drops every trailing line break ("\n" or "\r\n").
chomp(S) ->
    case lists:reverse(S) of
        [$\n, $\r | R] -> chomp(lists:reverse(R));
        [$\n | R] -> chomp(lists:reverse(R));
        _ -> S
    end.

%% Chardata: lists of characters, binaries (UTF-8) and lists of chardata.

%% The characters of chardata, flat; function_clause if it is none, and
%% {badarg, Rest} for a binary whose Rest is not UTF-8.
chars_of(CD) -> lists:reverse(chars_of(CD, [])).
chars_of([], Acc) -> Acc;
chars_of([C | T], Acc) when is_integer(C), C >= 0 -> chars_of(T, [C | Acc]);
chars_of([L | T], Acc) when is_list(L); is_binary(L) -> chars_of(T, chars_of(L, Acc));
chars_of(B, Acc) when is_binary(B) -> bin_chars(B, Acc).
bin_chars(<<C/utf8, R/binary>>, Acc) -> bin_chars(R, [C | Acc]);
bin_chars(<<>>, Acc) -> Acc;
bin_chars(B, _) -> erlang:error({badarg, B}).

%% Characters as chardata of the kind Like is: a binary, or a list.
as_kind(Cs, Like) when is_binary(Like) -> << <<C/utf8>> || C <- Cs >>;
as_kind(Cs, _) -> Cs.

%% Grapheme clusters: CR LF, and a character with the marks that follow it.
graphemes([$\r, $\n | T]) -> [[$\r, $\n] | graphemes(T)];
graphemes([C | T]) ->
    case marks(T, []) of
        {[], Rest} -> [C | graphemes(Rest)];
        {Ms, Rest} -> [[C | Ms] | graphemes(Rest)]
    end;
graphemes([]) -> [].
marks([M | T], Acc) when is_integer(M) ->
    case is_mark(M) of
        true -> marks(T, [M | Acc]);
        false -> {lists:reverse(Acc), [M | T]}
    end;
marks(T, Acc) -> {lists:reverse(Acc), T}.
is_mark(M) ->
    (M >= 16#300 andalso M =< 16#36F) orelse (M >= 16#1AB0 andalso M =< 16#1AFF)
        orelse (M >= 16#1DC0 andalso M =< 16#1DFF) orelse (M >= 16#20D0 andalso M =< 16#20FF)
        orelse (M >= 16#FE20 andalso M =< 16#FE2F) orelse M =:= 16#200D.

length(CD) -> count_graphemes(CD).
count_graphemes(CD) -> erlang:length(graphemes(chars_of(CD))).

is_empty([]) -> true;
is_empty(<<>>) -> true;
is_empty([L | R]) -> is_empty(L) andalso is_empty(R);
is_empty(_) -> false.

equal(A, B) when is_binary(A), is_binary(B) -> A =:= B;
equal(A, B) -> chars_of(A) =:= chars_of(B).
equal(A, B, false) -> equal(A, B);
equal(A, B, true) -> string:casefold(chars_of(A)) =:= string:casefold(chars_of(B)).
%% No normalization: Norm is taken and not applied.
equal(A, B, IgnoreCase, _Norm) -> equal(A, B, IgnoreCase).

pad(CD, Length) -> pad(CD, Length, trailing, $\s).
pad(CD, Length, Dir) -> pad(CD, Length, Dir, $\s).
pad(CD, Length, Dir, Char) when is_integer(Length) ->
    pad_by(CD, Length - count_graphemes(CD), Dir, Char).
pad_by(CD, N, Dir, _) when N < 0, (Dir =:= leading orelse Dir =:= trailing orelse Dir =:= both) ->
    [CD];
pad_by(CD, N, leading, Char) -> [lists:duplicate(N, Char), CD];
pad_by(CD, N, trailing, Char) -> [CD | lists:duplicate(N, Char)];
pad_by(CD, N, both, Char) ->
    Side = lists:duplicate(N div 2, Char),
    case N rem 2 of
        0 -> [Side, CD, Side];
        1 -> [Side, CD, Side, Char]
    end.

%% The characters to search for or split at: the grapheme clusters of Seps,
%% whose elements that are no characters are kept whole (they match no
%% character); badarg if Seps is no proper list.
pattern(Seps) when is_list(Seps) ->
    try graphemes(Seps)
    catch error:function_clause -> erlang:error(badarg)
    end;
pattern(_) -> erlang:error(badarg).

take(CD, Chars) -> take(CD, Chars, false, leading).
take(CD, Chars, Complement) -> take(CD, Chars, Complement, leading).
take(CD, Chars, Complement, Dir)
  when is_boolean(Complement), (Dir =:= leading orelse Dir =:= trailing) ->
    Cs = chars_of(CD),
    P = pattern(Chars),
    Keep = fun(C) -> lists:member(C, P) =/= Complement end,
    {Before, After} =
        case Dir of
            leading -> lists:splitwith(Keep, Cs);
            trailing ->
                {RAfter, RBefore} = lists:splitwith(Keep, lists:reverse(Cs)),
                {lists:reverse(RBefore), lists:reverse(RAfter)}
        end,
    {as_kind(Before, CD), as_kind(After, CD)}.

lexemes(CD, Seps) -> [as_kind(L, CD) || L <- lexeme_lists(CD, Seps)].
lexeme_lists(CD, Seps) when is_list(Seps) ->
    true = lists:all(fun(E) -> is_integer(E) orelse is_list(E) orelse is_binary(E) end, Seps)
        orelse erlang:error(function_clause),
    split_at(chars_of(CD), graphemes(Seps), [], []).
split_at([C | T], P, Cur, Acc) ->
    case lists:member(C, P) of
        true when Cur =:= [] -> split_at(T, P, [], Acc);
        true -> split_at(T, P, [], [lists:reverse(Cur) | Acc]);
        false -> split_at(T, P, [C | Cur], Acc)
    end;
split_at([], _, [], Acc) -> lists:reverse(Acc);
split_at([], _, Cur, Acc) -> lists:reverse([lists:reverse(Cur) | Acc]).

nth_lexeme(CD, N, Seps) when is_integer(N), N > 0 ->
    case lists:nthtail(N - 1, lexeme_lists(CD, Seps) ++ lists:duplicate(N, [])) of
        [L | _] -> as_kind(L, CD)
    end.
