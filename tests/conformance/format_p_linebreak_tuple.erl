%% ~p breaks long nested tuples over several lines with indentation.
-module(format_p_linebreak_tuple).
-export([main/0]).

main() ->
    Short = {a, b, {c, d}},
    io:format("~p~n", [Short]),
    Long = {alpha_component, {beta_component, gamma_component},
            {delta_component, {epsilon_component, zeta_component}}, eta},
    io:format("~p~n", [Long]),
    Deep = {level1, {level2, {level3, {level4, {level5, {level6, {level7,
            {level8, {level9, {level10, done}}}}}}}}}},
    io:format("~p~n", [Deep]),
    Wide = list_to_tuple([list_to_atom("field_" ++ integer_to_list(N)) || N <- lists:seq(1, 14)]),
    io:format("~p~n", [Wide]),
    io:format("~w~n", [Wide]),
    io:format("prefix: ~p~n", [Long]).
