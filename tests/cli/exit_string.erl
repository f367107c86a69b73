-module(exit_string).
-export([main/0]).

%% main exits with a reason that holds a string: the crash report prints it
%% as a string, as erl does.
main() ->
    exit({file, "x.erl"}).
