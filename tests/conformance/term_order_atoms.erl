%% Atoms are ordered alphabetically by their text, like strings.
-module(term_order_atoms).
-export([main/0]).

main() ->
    As = [banana, apple, 'Apple', cherry, 'apple pie', a, 'B', '', z9, z10, '_x'],
    io:format("~p~n", [lists:sort(As)]),
    io:format("~w~n", [lists:usort([b, a, b, c, a])]),
    io:format("~w ~w~n", [abc < abd, ab < abc]),
    io:format("~w~n", [true > false]),
    io:format("~w~n", [lists:max([ok, error, undefined])]),
    io:format("~w~n", [lists:sort(fun(A, B) -> A > B end, [one, two, three, four])]).
