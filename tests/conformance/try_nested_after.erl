%% Nested try blocks: the order in which body, handlers and after clauses run.
-module(try_nested_after).
-export([main/0]).

log(X) -> io:format("~p~n", [X]).

main() ->
    R = try
            log(outer_body),
            try
                log(inner_body),
                throw(boom)
            catch
                throw:boom -> log(inner_catch), inner_value
            after
                log(inner_after)
            end
        after
            log(outer_after)
        end,
    log({result, R}),
    R2 = try
             try
                 error(deep)
             after
                 log(no_catch_after)
             end
         catch
             error:E -> log({outer_caught, E}), E
         after
             log(outer_after_2)
         end,
    log({result2, R2}),
    R3 = (catch try exit(gone) after log(after_before_catch) end),
    log({result3, R3}).
