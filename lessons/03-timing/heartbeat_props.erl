%% What we want from the heartbeat detector, over the terms it emits.
-module(heartbeat_props).
-export([always_no_false_suspicion/1, eventually_detected/1]).

%% The detector never suspects the beater before the beater stops.
always_no_false_suspicion(Emitted) ->
    not lists:any(fun({suspect, _}) -> not lists:keymember(stopped, 1, Emitted);
                     (_) -> false
                  end, Emitted).

%% The detector suspects the beater at most 100 ms after it stops.
eventually_detected(Emitted) ->
    case lists:keyfind(stopped, 1, Emitted) of
        {stopped, Stop} ->
            lists:any(fun({suspect, T}) -> T >= Stop andalso T - Stop =< 100;
                         (_) -> false
                      end, Emitted);
        false ->
            false
    end.
