%% Checks for the tasks of lesson 04. Each gets the student's session as a
%% map: events (the trace, one map per event), emitted terms and inputs.
-module(checks).
-export([concurrent_lamport/1, cut_in_transit/1]).

%% Some input `:hb eA eB` names two events with clocks that are
%% concurrent (neither vector clock is =< the other) and whose Lamport
%% times differ.
concurrent_lamport(#{events := Es, inputs := Ins}) ->
    Pairs = [P || In <- Ins, P <- hb_pair(In)],
    Verdicts = [judge_pair(find(A, Es), find(B, Es), A, B) || {A, B} <- Pairs],
    case lists:member(true, Verdicts) of
        true -> true;
        false when Verdicts =:= [] ->
            {false, "you have not compared two events with :hb yet (for example :hb e2 e6)"};
        false ->
            {false, lists:last(Verdicts)}
    end.

judge_pair(none, _, A, _) ->
    lists:flatten(io_lib:format("there is no event e~p in this world", [A]));
judge_pair(_, none, _, B) ->
    lists:flatten(io_lib:format("there is no event e~p in this world", [B]));
judge_pair(#{id := Id} = E, F, _, _) when not is_map_key(vc, E) ->
    no_clock(Id, F);
judge_pair(E, #{id := Id} = F, _, _) when not is_map_key(vc, F) ->
    no_clock(Id, E);
judge_pair(#{id := A}, #{id := A}, _, _) ->
    "you compared an event with itself: pick two different events";
judge_pair(#{id := A, vc := VA, lamport := LA}, #{id := B, vc := VB, lamport := LB}, _, _) ->
    case {leq(VA, VB), leq(VB, VA)} of
        {true, _} ->
            say("e~p happens before e~p, so they are not concurrent: :diagram --concurrent eN lists the events concurrent with eN", [A, B]);
        {_, true} ->
            say("e~p happens before e~p, so they are not concurrent: :diagram --concurrent eN lists the events concurrent with eN", [B, A]);
        _ when LA =:= LB ->
            say("e~p and e~p are concurrent, but both have Lamport time ~p: find a concurrent pair whose Lamport times differ", [A, B, LA]);
        _ ->
            true
    end.

no_clock(Id, _) ->
    say("e~p is a delivery into a mailbox, a network event with no clock: compare events of the processes themselves (the ones :diagram shows)", [Id]).

%% Some input `:diagram ... --cut eA,eB,...` names a consistent cut in
%% which a message was sent but not received.
cut_in_transit(#{events := Es, inputs := Ins}) ->
    Cuts = [C || In <- Ins, C <- cut_ids(In)],
    Verdicts = [judge_cut([find(I, Es) || I <- Ids], Ids, Es) || Ids <- Cuts],
    case lists:member(true, Verdicts) of
        true -> true;
        false when Verdicts =:= [] ->
            {false, "you have not drawn a cut yet: :diagram --cut eA,eB,... with one event of each process"};
        false ->
            {false, lists:last(Verdicts)}
    end.

judge_cut(Front, Ids, Es) ->
    Missing = [I || {I, none} <- lists:zip(Ids, Front)],
    NoClock = [Id || #{id := Id} = E <- Front, E =/= none, not is_map_key(vc, E)],
    Procs = [P || #{proc := P} <- Front],
    Repeated = length(Procs) =/= length(lists:usort(Procs)),
    if
        Missing =/= [] ->
            say("there is no event e~p in this world", [hd(Missing)]);
        NoClock =/= [] ->
            say("e~p is a delivery, a network event with no clock: name events of the processes themselves", [hd(NoClock)]);
        Repeated ->
            "your cut names two events of one process: name one event per process";
        true ->
            %% How many of its events each named process has in the cut.
            Count = maps:from_list([{P, maps:get(P, V)} || #{proc := P, vc := V} <- Front]),
            In = fun(#{proc := P, vc := V}) -> maps:get(P, V) =< maps:get(P, Count, 0) end,
            Consistent = lists:all(fun(#{vc := V}) ->
                                           lists:all(fun({Q, N}) -> N =< maps:get(Q, Count, 0) end,
                                                     maps:to_list(V))
                                   end, Front),
            Sent = [M || #{kind := send, msg := M} = E <- Es, In(E)],
            Got = [M || #{kind := 'receive', msg := M} = E <- Es, In(E)],
            Transit = [M || M <- Sent, not lists:member(M, Got)],
            if
                not Consistent ->
                    "your cut is not consistent: it holds a receive (or a spawned process's event) without the send (or spawn) before it";
                Transit =:= [] ->
                    "your cut is consistent, but every message sent inside it is received inside it too: put the receiver's frontier before the receive";
                true ->
                    true
            end
    end.

%% {A, B} from ":hb eA eB", as a list of zero or one pairs.
hb_pair(In) ->
    case string:tokens(In, " ") of
        [":hb", "e" ++ A, "e" ++ B] ->
            case {to_int(A), to_int(B)} of
                {X, Y} when is_integer(X), is_integer(Y) -> [{X, Y}];
                _ -> []
            end;
        _ ->
            []
    end.

%% The event ids of ":diagram ... --cut eA,eB,...", as a list of zero or
%% one lists.
cut_ids(In) ->
    case string:tokens(In, " ") of
        [":diagram" | Opts] -> after_cut(Opts);
        _ -> []
    end.

after_cut(["--cut", List | _]) ->
    Ids = [to_int(I) || "e" ++ I <- string:tokens(List, ",")],
    case lists:all(fun is_integer/1, Ids) andalso Ids =/= [] of
        true -> [Ids];
        false -> []
    end;
after_cut([_ | Rest]) ->
    after_cut(Rest);
after_cut([]) ->
    [].

to_int(S) ->
    case string:to_integer(S) of
        {N, ""} -> N;
        _ -> none
    end.

find(Id, Es) ->
    case [E || #{id := I} = E <- Es, I =:= Id] of
        [E] -> E;
        _ -> none
    end.

%% Vector clock V =< W: every entry of V is at most W's.
leq(V, W) ->
    lists:all(fun({P, N}) -> N =< maps:get(P, W, 0) end, maps:to_list(V)).

say(Format, Args) ->
    lists:flatten(io_lib:format(Format, Args)).
