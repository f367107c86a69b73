%% The shell's helper functions, as erl's `c` module has them: callable
%% anywhere in a shell input (`self() ! a, flush().`). Those that change
%% the shell's own state (b/0, f/0,1, h/0, v/1, e/1, c/1, q/0) belong to
%% the shell itself.
-module(c).
-export([flush/0, help/0, pid/3, regs/0, m/1]).

flush() ->
    receive
        X ->
            io:format("Shell got ~p~n", [X]),
            flush()
    after 0 ->
        ok
    end.

pid(X, Y, Z) ->
    list_to_pid("<" ++ integer_to_list(X) ++ "." ++ integer_to_list(Y) ++ "."
                ++ integer_to_list(Z) ++ ">").

regs() ->
    Pad = fun(S) -> S ++ lists:duplicate(max(1, 24 - length(S)), $\s) end,
    io:format("~s~s~n", [Pad("Name"), "Pid"]),
    lists:foreach(fun(N) ->
                          case whereis(N) of
                              undefined -> ok;
                              P -> io:format("~s~w~n", [Pad(atom_to_list(N)), P])
                          end
                  end, lists:sort(registered())).

m(M) ->
    Exports = erlang:get_module_info(M, exports),
    io:format("Module: ~w~nExports:~n", [M]),
    lists:foreach(fun({F, A}) -> io:format("  ~w/~w~n", [F, A]) end, Exports).

help() ->
    io:put_chars(
      "Shell functions (call them anywhere in an input):\n"
      "b()        the bound variables\n"
      "f()        forget every binding; f(X) forgets X\n"
      "h()        the inputs so far; v(N) the value of input N; e(N) runs it again\n"
      "c(File)    compile and load File.erl\n"
      "flush()    print and remove every message in the shell's mailbox\n"
      "i()        the processes (as :procs)\n"
      "regs()     the registered processes\n"
      "m(Mod)     the functions module Mod exports\n"
      "pid(X,Y,Z) the pid <X.Y.Z>\n"
      "q()        leave the shell\n"
      ":help      the shell's meta commands (stepping, faults, clocks)\n"),
    true.
