%% Checks for the tasks of lesson 02. Each gets the student's session as a
%% map: events (the trace, one map per event), emitted terms and inputs.
-module(checks).
-export([partition_healed/1]).

%% In this order: the network was cut, a message was lost, the network
%% was healed, and some process received a message.
partition_healed(#{events := Es}) ->
    AfterCut = after_kind(partition, Es),
    AfterDrop = after_kind(drop, AfterCut),
    AfterHeal = after_kind(heal, AfterDrop),
    Received = case AfterHeal of
                   none -> [];
                   _ -> [E || E = #{kind := 'receive'} <- AfterHeal]
               end,
    if
        AfterCut =:= none ->
            {false, "the network has not been cut yet: try :partition p1 | p2"};
        AfterDrop =:= none ->
            {false, "the network is cut, but no message has been lost yet: send one across the cut"};
        AfterHeal =:= none ->
            {false, "a message was lost to the cut; now :heal the network"};
        Received =:= [] ->
            {false, "the network is whole again, but no message has been received since: ask the server again"};
        true ->
            true
    end.

%% The events after the first one of kind K, or none if there is none.
after_kind(_, none) ->
    none;
after_kind(K, Es) ->
    case lists:dropwhile(fun(#{kind := Kind}) -> Kind =/= K end, Es) of
        [] -> none;
        [_ | Rest] -> Rest
    end.
