#!/usr/bin/env escript
%% Evaluates each line of exprs.txt with erl_eval, as the Erlang shell
%% does, and writes one line per expression to expected.txt: the value
%% printed with ~p, or {'EXIT', Class, Reason} for an exception, with
%% newlines written as \n. Usage: escript record.escript exprs.txt expected.txt
main([In, Out]) ->
    {ok, Bin} = file:read_file(In),
    Lines = [L || L <- string:split(binary_to_list(Bin), "\n", all), L =/= ""],
    ok = file:write_file(Out, unicode:characters_to_binary([[eval(L), $\n] || L <- Lines])).

eval(Line) ->
    {ok, Toks, _} = erl_scan:string(Line ++ "."),
    {ok, Exprs} = erl_parse:parse_exprs(Toks),
    Text =
        try erl_eval:exprs(Exprs, erl_eval:new_bindings()) of
            {value, V, _} -> io_lib:format("~p", [V])
        catch
            C:R -> io_lib:format("~p", [{'EXIT', C, R}])
        end,
    escape(lists:flatten(Text)).

escape([$\\ | T]) -> [$\\, $\\ | escape(T)];
escape([$\n | T]) -> [$\\, $n | escape(T)];
escape([C | T]) -> [C | escape(T)];
escape([]) -> [].
