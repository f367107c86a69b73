%% Checks for the tasks of lesson 06. Each gets the student's session as a
%% map: events (the trace, one map per event), emitted terms and inputs.
%% Events with clocks carry lamport (an integer) and vc (a map from pid to
%% count, zero entries left out).
-module(checks).
-export([lamport_misleads/1, second_hand/1]).

%% The student asked `:hb A B` about two events whose Lamport times differ
%% but whose vector clocks are incomparable (the events are concurrent).
lamport_misleads(#{events := Es, inputs := Ins}) ->
    Clocked = maps:from_list([{Id, E} || #{id := Id, vc := _} = E <- Es]),
    Asked = [P || I <- Ins, P <- [hb_pair(I)], P =/= none],
    Judged = [judge(A, B, Clocked) || {A, B} <- Asked],
    case lists:member(ok, Judged) of
        true -> true;
        false when Asked =:= [] ->
            {false, "you have not asked :hb about two events yet (run notes:start(). first, then :hb eA eB)"};
        false ->
            {false, lists:last(Judged)}
    end.

%% ":hb e3 e14" -> {3, 14}; anything else -> none.
hb_pair(Input) ->
    case string:tokens(Input, " ") of
        [":hb", "e" ++ A, "e" ++ B] ->
            try {list_to_integer(A), list_to_integer(B)}
            catch _:_ -> none
            end;
        _ -> none
    end.

judge(A, B, Clocked) ->
    case {maps:find(A, Clocked), maps:find(B, Clocked)} of
        {{ok, EA}, {ok, EB}} ->
            #{lamport := LA, vc := VA} = EA,
            #{lamport := LB, vc := VB} = EB,
            Name = "e" ++ integer_to_list(A) ++ " and e" ++ integer_to_list(B),
            case {leq(VA, VB), leq(VB, VA)} of
                {false, false} when LA =/= LB -> ok;
                {false, false} ->
                    Name ++ " are concurrent, but their Lamport times are equal; find a concurrent pair whose Lamport times differ";
                _ ->
                    Name ++ " are causally related: one vector is at most the other in every entry. Find a pair where neither vector is below the other"
            end;
        _ ->
            "the events you asked about (e" ++ integer_to_list(A) ++ ", e" ++ integer_to_list(B)
                ++ ") are not both process events of this run; look at :diagram --vc for the ids"
    end.

%% V =< W entry by entry (a missing entry counts as 0).
leq(V, W) ->
    lists:all(fun({P, N}) -> N =< maps:get(P, W, 0) end, maps:to_list(V)).

%% Some process R has an event whose vector clock counts events of a
%% process Q, although Q never sent R a message and is not among R's
%% ancestors (the processes that spawned R, or spawned its spawner...):
%% R heard of Q only second-hand.
second_hand(#{events := Es}) ->
    Parent = maps:from_list([{C, P} || #{kind := spawn, proc := P, child := C} <- Es]),
    Direct = [{From, To} || #{kind := send, proc := From, to := To} <- Es],
    Found = [{R, Q} || #{proc := R, vc := VC} <- Es,
                       {Q, N} <- maps:to_list(VC),
                       N > 0, Q =/= R,
                       not lists:member({Q, R}, Direct),
                       not lists:member(Q, ancestors(R, Parent))],
    case Found of
        [_ | _] -> true;
        [] when Direct =:= [] ->
            {false, "no process has sent a message yet: build a chain A -> B -> C of messages"};
        [] ->
            {false, "no process has heard of another one only second-hand yet: every process knows only of itself, its ancestors and the processes that sent to it directly. Pass a message along a chain: A sends to B, and B, after it received that, sends to C. A process that has ended receives nothing, so spawn fresh ones if needed (or :reset)"}
    end.

ancestors(P, Parent) ->
    case maps:find(P, Parent) of
        {ok, Q} -> [Q | ancestors(Q, Parent)];
        error -> []
    end.
