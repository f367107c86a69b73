%% Arbitrary terms as error, exit and throw reasons survive unchanged.
-module(error_custom_reasons).
-export([main/0]).

reasons() ->
    [atom, 42, 3.5, "text", {tuple, [list]}, #{key => value}, [], {}, [a | b]].

main() ->
    lists:foreach(
      fun(R) ->
              A = try error(R) catch error:X -> X end,
              B = try exit(R) catch exit:Y -> Y end,
              C = try throw(R) catch throw:Z -> Z end,
              io:format("~p: ~p~n", [R, A =:= R andalso B =:= R andalso C =:= R])
      end, reasons()),
    Deep = try
               try error(first)
               catch error:First -> error({wrapped, First})
               end
           catch error:Second -> Second
           end,
    io:format("~p~n", [Deep]).
