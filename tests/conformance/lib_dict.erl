%% dict: OTP's hash-table record (printed), keys in erl's order as the table
%% grows and shrinks, error reasons, and erlang:phash/2 which places keys.
-module(lib_dict).
-export([main/0]).
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

t(F) -> try F() catch C:E -> {C, E} end.

main() ->
    growth(),
    errors(),
    phash().

growth() ->
  D0 = dict:new(),
  io:format("~w~n", [D0]),
  D1 = lists:foldl(fun(I, D) -> dict:store(I, I * I, D) end, D0, lists:seq(1, 100)),
  io:format("~w~n~w~n", [D1, dict:to_list(D1)]),
  D2 = lists:foldl(fun(I, D) -> dict:store({k, I}, [I], D) end, D1, lists:seq(1, 300)),
  io:format("~w ~w~n~w~n", [dict:size(D2), element(3, D2), dict:to_list(D2)]),
  D3 = lists:foldl(fun(I, D) -> dict:erase(I, D) end, D2, lists:seq(1, 100)),
  io:format("~w ~w~n~w~n", [dict:size(D3), element(3, D3), dict:fetch_keys(D3)]),
  D4 = lists:foldl(fun(I, D) -> dict:erase({k, I}, D) end, D3, lists:seq(1, 290)),
  io:format("~w~n", [D4]),
  Words = string:tokens("the quick brown fox jumps over the lazy dog and the cat sat on the mat with a hat", " "),
  C = lists:foldl(fun(W, D) -> dict:update_counter(W, 1, D) end, dict:new(), Words),
  io:format("~p~n~p~n", [dict:to_list(C), C]),
  A = lists:foldl(fun(W, D) -> dict:append(length(W), W, D) end, dict:new(), Words),
  io:format("~p~n", [dict:to_list(A)]),
  io:format("~p~n", [dict:to_list(dict:append_list(3, ["x", "y"], A))]),
  io:format("~p~n", [dict:to_list(dict:map(fun(K, V) -> {K, length(V)} end, A))]),
  io:format("~p~n", [dict:to_list(dict:filter(fun(K, _) -> K > 3 end, A))]),
  io:format("~p~n", [dict:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], C)]),
  io:format("~p~n", [dict:to_list(dict:update(3, fun(V) -> lists:reverse(V) end, A))]),
  io:format("~p~n", [dict:to_list(dict:update(33, fun(V) -> V end, none, A))]),
  io:format("~p~n", [[dict:find(3, A), dict:find(33, A), dict:is_key(3, A), dict:is_key(33, A), dict:fetch(5, A), dict:size(A), dict:is_empty(A), dict:is_empty(dict:new())]]),
  M = dict:merge(fun(_K, V1, V2) -> V1 + V2 end, dict:from_list([{a, 1}, {b, 2}, {c, 3}]), dict:from_list([{b, 10}, {d, 4}])),
  io:format("~p~n~p~n", [dict:to_list(M), M]),
  M2 = dict:merge(fun(K, V1, V2) -> {K, V1, V2} end, dict:from_list([{a, 1}]), dict:from_list([{a, 10}, {d, 4}])),
  io:format("~p~n", [dict:to_list(M2)]),
  {V, T} = dict:take(b, M), io:format("~p ~p~n", [V, dict:to_list(T)]),
  Mixed = dict:from_list([{1.5, float}, {"str", string}, {[], nil}, {{}, tuple}, {-7, neg}, {1 bsl 80, big}, {'Atom', atom}, {[1|2], improper}, {{a, [b, {c}]}, nested}]),
  io:format("~p~n", [dict:to_list(Mixed)]),
  F = dict:filter(fun(K, _) -> is_integer(K) andalso K rem 7 =:= 0 end, D2),
  io:format("~w~n", [F]),
  ok.

errors() ->
  D = dict:from_list([{a,1},{b,2}]),
  io:format("~w~n", [[t(fun() -> dict:to_list(x) end), t(fun() -> dict:fetch(c, D) end), t(fun() -> dict:fetch(c, x) end), t(fun() -> dict:update(c, fun(X) -> X end, D) end),
   t(fun() -> dict:store(a, 1, x) end), t(fun() -> dict:size(x) end), t(fun() -> dict:find(a, x) end), t(fun() -> dict:update_counter(a, x, D) end), t(fun() -> dict:update_counter(a, 1.5, D) end),
   t(fun() -> dict:append(a, 3, D) end), t(fun() -> dict:from_list(x) end), t(fun() -> dict:from_list([x]) end), t(fun() -> dict:is_empty(x) end), t(fun() -> dict:erase(a, x) end),
   t(fun() -> dict:map(x, D) end), t(fun() -> dict:filter(x, D) end), t(fun() -> dict:fold(x, 0, D) end), t(fun() -> dict:take(c, D) end), t(fun() -> dict:take(a, D) end), t(fun() -> dict:merge(x, D, D) end),
   t(fun() -> dict:append_list(a, [3], D) end),t(fun() -> dict:append_list(a, x, D) end), t(fun() -> dict:fetch_keys(x) end), t(fun() -> dict:is_key(a, x) end)]]).

phash() ->
  Ks = [a, b, foo, 'hello world', 'åäö', 0, 1, 2, 255, 256, 65536, -1, -256, 1 bsl 32, 1 bsl 40, 1 bsl 59, 1 bsl 60, 1 bsl 64, -(1 bsl 70), 123456789012345678901234567890,
        1.5, 0.0, -0.0, -2.75, 1.0e100, [], "ab", "hello", [a], [1000], [a|b], [1,2|3], [[1]], {}, {a}, {1,2}, {a, "b", [c]}, [{a,1}], "é"],
  [io:format("~w ~w ~w~n", [K, erlang:phash(K, 16), erlang:phash(K, 1 bsl 32)]) || K <- Ks].
