%% ~p prints printable lists as strings; other integer lists stay lists.
-module(format_p_strings).
-export([main/0]).

main() ->
    Ls = ["hello", "", [], [72, 105], [1, 2, 3], [65, 0], [31], [32], [126],
          [127], [128], [159], [256], [$a, 300],
          "with space", "quote\"inside", "back\\slash", [$a | "bc"], ["ab", "cd"],
          [$a, b], [-1], [97.0]],
    [io:format("~p / ~w~n", [L, L]) || L <- Ls].
