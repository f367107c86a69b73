%% The same terms printed with ~w and ~p side by side.
-module(format_w_vs_p).
-export([main/0]).

main() ->
    Ts = [42, -7, 3.5, atom, 'Quoted Atom', "str", [1, 2], {}, {a, "b"}, #{},
          #{k => "v"}, [a | b], [[]], {[], {}}, [$a, [$b]]],
    [io:format("~w  ~p~n", [T, T]) || T <- Ts].
