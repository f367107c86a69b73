-module(lists_merge_family).
-export([main/0]).

%% The merge family of lists: equal terms of different types (1 and 1.0)
%% come out in erl's order, unique merges keep erl's element, a comparing
%% fun is called in erl's order, and bad arguments fail as in erl.
t(F) -> try F() catch C:E -> {C, E} end.

main() ->
    Two = [{[1, 2, 3], [1.0, 2.0, 4]}, {[1.0, 2], [1, 2.0, 3]}, {[1, 1, 2], [1.0, 2.0, 3]},
           {[1, 2], [1.0, 1, 2.0]}, {[3, 1], [2]}, {[1], [1.0]}, {[1.0], [1]}, {[1, 1], [1]},
           {[1], [1, 1]}, {[1], [1.0, 1]}, {[], [1]}, {[1], []}, {[5, 3, 1], [4, 3, 2]},
           {[3, 1], [2, 1.0]}, {[3, 1, 1], [1.0]}, {[2, 1], [1.0, 1, 0]}, {[1, 3, 5], [2, 3, 4]},
           {[a, b], [a, "b", 1]}],
    [io:format("~w ~w ~w: ~w~n", [F, X, Y, t(fun() -> lists:F(X, Y) end)])
     || F <- [merge, umerge, rmerge, rumerge], {X, Y} <- Two],
    Le = fun(A, B) -> io:format(" ~w=<~w", [A, B]), A =< B end,
    [begin
         io:format("~w/3 ~w ~w:", [F, X, Y]),
         R = t(fun() -> lists:F(Le, X, Y) end),
         io:format(" -> ~w~n", [R])
     end || F <- [umerge, rumerge], {X, Y} <- Two],
    Three = [{[1, 3], [1.0, 2], [1, 3.0]}, {[3, 1], [2, 1.0], [3.0, 1]}, {[1], [1.0], [1]},
             {[1.0, 2], [2.0], [1, 2, 3]}, {[], [1.0], [1]}, {[1], [], [1.0]}, {[1], [1.0], []},
             {[2, 1], [3, 0], [1, 5]}],
    [io:format("~w ~w ~w ~w: ~w~n", [F, X, Y, Z, t(fun() -> lists:F(X, Y, Z) end)])
     || F <- [merge3, umerge3, rmerge3, rumerge3], {X, Y, Z} <- Three],
    Many = [[[1, 3], [1.0, 2], [1, 3.0]], [[1], [1.0], [1], [1.0], [1]],
            [[1, 4], [], [2.0], [1.0, 4.0], [3], [2, 4]], [[3], [1], [2], []], [[]], [[], []],
            [[a, c], [b], [a, d], [c], [b, e], [a], [f]]],
    [io:format("~w ~w: ~w~n", [F, L, t(fun() -> lists:F(L) end)]) || F <- [merge, umerge], L <- Many],
    Keyed = [{1, [{1, a}, {2, a}], [{1.0, b}, {2, b}, {3, b}]}, {2, [{a, 1}, {b, 2}], [{c, 1.0}, {d, 3}]},
             {1, [{1, a}, {1, b}], [{1.0, c}]}, {1, [{1, a}], [{1.0, b}, {1, c}]},
             {1, [{3, a}, {1, a}], [{2, b}, {1.0, b}]}, {1, [{2, x}, {1, y}], [{1.0, z}, {0, w}]}],
    [io:format("~w ~w ~w ~w: ~w~n", [F, N, X, Y, t(fun() -> lists:F(N, X, Y) end)])
     || F <- [keymerge, ukeymerge, rkeymerge, rukeymerge], {N, X, Y} <- Keyed],
    %% bad arguments
    Shapes2 = [{a, []}, {[], a}, {[1], a}, {a, [1]}, {[], []}, {[1 | a], [2]}, {[2], [1 | a]}],
    [io:format("~w ~w: ~w~n", [F, S, t(fun() -> lists:F(element(1, S), element(2, S)) end)])
     || F <- [umerge, rmerge, rumerge], S <- Shapes2],
    Fn = fun(A, B) -> A =< B end,
    [io:format("~w/3 ~w: ~w~n", [F, S, t(fun() -> lists:F(Fn, element(1, S), element(2, S)) end)])
     || F <- [umerge, rumerge], S <- Shapes2],
    [io:format("~w/3 badfun: ~w~n", [F, t(fun() -> lists:F(x, [], []) end)]) || F <- [umerge, rumerge]],
    Shapes3 = [{a, [], []}, {[], a, []}, {[], [], a}, {a, [1], [2]}, {[1], a, [2]}, {[1], [2], a},
               {[1], [], a}, {[1], a, []}, {a, [1], []}, {a, [], [1]}, {[], [], []}],
    [io:format("~w ~w: ~w~n", [F, S, t(fun() -> lists:F(element(1, S), element(2, S), element(3, S)) end)])
     || F <- [merge3, umerge3, rmerge3, rumerge3], S <- Shapes3],
    KShapes = [{1, a, []}, {1, [], a}, {1, [{1}], a}, {1, a, [{1}]}, {0, [], []}, {a, [], []},
               {0, [{1}], [{2}]}, {2, [{1}], [{2}]}, {2, [], [{1}]}, {2, [{1}], []},
               {1, [a], [{1}]}, {1, [{1}], [a]}],
    [io:format("~w ~w: ~w~n", [F, S, t(fun() -> lists:F(element(1, S), element(2, S), element(3, S)) end)])
     || F <- [keymerge, ukeymerge, rkeymerge, rukeymerge], S <- KShapes],
    [io:format("~w ~w: ~w~n", [F, S, t(fun() -> lists:F(S) end)])
     || F <- [merge, umerge],
        S <- [a, [], [a], [a, b], [[1], a], [[1], [2] | a], [a, [1]], [a, [1], [2]], [[], a],
              [[1], [], a], [[1], [2], [3], a], [[1], [2], [3], [4] | a]]],
    ok.
