%% All comparison operators on numbers, atoms and compound terms.
-module(bool_comparisons).
-export([main/0]).

main() ->
    Pairs = [{1, 2}, {2, 2}, {2.0, 2}, {b, a}, {"ab", "b"}, {{1, 2}, {1, 2}}, {[], {}}],
    lists:foreach(
      fun({A, B}) ->
              io:format("~w ~w: < ~w  =< ~w  > ~w  >= ~w  == ~w  /= ~w  =:= ~w  =/= ~w~n",
                        [A, B, A < B, A =< B, A > B, A >= B, A == B, A /= B, A =:= B, A =/= B])
      end, Pairs).
