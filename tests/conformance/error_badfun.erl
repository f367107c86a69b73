%% Calling something that is not a fun raises {badfun, Term}.
-module(error_badfun).
-export([main/0]).

v(X) -> X.

main() ->
    Things = [not_a_fun, 42, {a, b}, [1, 2], "str"],
    lists:foreach(
      fun(T) ->
              try (v(T))() of
                  _ -> io:format("called?~n")
              catch
                  error:{badfun, Bad} -> io:format("badfun with ~p~n", [Bad])
              end
      end, Things),
    R = (catch (v(7))(1, 2)),
    case R of
        {'EXIT', {{badfun, X}, _}} -> io:format("catch: badfun ~p~n", [X])
    end.
