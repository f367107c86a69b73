%% Which atoms print with quotes: capitals, spaces, symbols, reserved words.
-module(format_atoms_quoted).
-export([main/0]).

main() ->
    As = [abc, aBC, 'Abc', '_abc', 'a b', 'a@b', a_1, 'a.b', '', '[]', '{}',
          'hello-world', 'end', 'case', 'of', 'fun', 'andalso', 'div',
          'receive', 'maybe', 'true', 'ok', 'a\'b', 'new\nline', '+', '42'],
    [io:format("~w ~p ~s~n", [A, A, atom_to_list(A)]) || A <- As].
