%% Checks for the tasks of lesson 11. Each gets the student's session as
%% a map: events, emitted terms and inputs. They measure availability
%% from the events, as :availability does: a replica is up from its
%% spawn until it crashes or exits, and again from a recovery.
-module(checks).
-export([two_nines/1, never_down/1]).

%% Over at least 1000 ms, the service (one replica is enough) was down
%% at some point but still up at least 99% of the time.
two_nines(#{events := Es}) ->
    case run(Es) of
        {false, Why} ->
            {false, Why};
        {Ps, Start, End} ->
            {Down, _} = measure(Es, Ps, 1, Start, End),
            Total = End - Start,
            if
                Down =:= 0 ->
                    {false, "the service was never down: all three replicas must be down at the same moment (:crash r1, :crash r2, :crash r3), for a short while"};
                Down * 100 > Total ->
                    {false, text("the service was down ~w ms of ~w ms, more than 1%; bring a replica back sooner, or let the run go on longer", [Down, Total])};
                true ->
                    true
            end
    end.

%% Over at least 1000 ms, every replica was down at least 10% of the
%% time, and the service (one replica is enough) was never down.
never_down(#{events := Es}) ->
    case run(Es) of
        {false, Why} ->
            {false, Why};
        {Ps, Start, End} ->
            Total = End - Start,
            Short = [P || P <- Ps, element(1, measure(Es, [P], 1, Start, End)) * 10 < Total],
            {Down, _} = measure(Es, Ps, 1, Start, End),
            if
                Short =/= [] ->
                    {false, text("each replica must be down at least 10% of the run (~w ms of ~w), and ~w replica(s) were down less", [Total div 10, Total, length(Short)])};
                Down > 0 ->
                    {false, text("the service was down for ~w ms: at every moment at least one replica must be up", [Down])};
                true ->
                    true
            end
    end.

%% The replicas of one service:start() and the span of the run:
%% {Replicas, Start, End}, or {false, Why}.
run(Es) ->
    Ps = lists:usort([P || #{kind := emit, proc := P, term := {up, _}} <- Es]),
    Starts = [T || #{kind := spawn, child := P, time := T} <- Es, lists:member(P, Ps)],
    Crashed = [P || #{kind := crash, proc := P} <- Es, lists:member(P, Ps)],
    if
        Ps =:= [] ->
            {false, "the service has not been started yet: c(service). and service:start()."};
        length(Ps) > 3 ->
            {false, "the service was started more than once: :reset, c(service)., and service:start(). once"};
        Crashed =:= [] ->
            {false, "no replica has crashed yet: :crash r1 crashes one, :recover r1 brings it back"};
        true ->
            Start = lists:min(Starts),
            End = lists:max([T || #{time := T} <- Es]),
            case End - Start >= 1000 of
                true ->
                    {Ps, Start, End};
                false ->
                    {false, text("the run lasts ~w ms of virtual time so far; let it go on to at least 1000 ms (receive after N -> ok end. in the shell)", [End - Start])}
            end
    end.

%% {Down, Outages}: how long, between Start and End, fewer than K of Ps
%% were up, and how often that began.
measure(Es, Ps, K, Start, End) ->
    Changes = lists:sort(
                [{T, Id, P, true} || #{kind := spawn, child := P, time := T, id := Id} <- Es,
                                     lists:member(P, Ps)]
                ++ [{T, Id, P, true} || #{kind := recover, proc := P, time := T, id := Id} <- Es,
                                        lists:member(P, Ps)]
                ++ [{T, Id, P, false} || #{kind := Kind, proc := P, time := T, id := Id} <- Es,
                                         lists:member(Kind, [crash, exit, exit_signal]),
                                         lists:member(P, Ps)]),
    sweep(Changes, K, End, [], Start, false, 0, 0).

sweep([], _K, End, _Up, Now, ServiceUp, Down, Outages) ->
    {Down + gap(ServiceUp, Now, End), Outages};
sweep([{T, _, P, GoesUp} | Rest], K, End, Up, Now, ServiceUp, Down, Outages) ->
    Up1 = case GoesUp of
              true -> lists:usort([P | Up]);
              false -> lists:delete(P, Up)
          end,
    NowUp = length(Up1) >= K,
    Outages1 = case ServiceUp andalso not NowUp of
                   true -> Outages + 1;
                   false -> Outages
               end,
    sweep(Rest, K, End, Up1, max(Now, T), NowUp, Down + gap(ServiceUp, Now, T), Outages1).

gap(true, _From, _To) -> 0;
gap(false, From, To) -> max(0, To - From).

text(Format, Args) ->
    lists:flatten(io_lib:format(Format, Args)).
