%% Checks for the tasks of lesson 07. Each gets the student's session as a
%% map: events (the trace, one map per event, in order), emitted terms and
%% inputs.
-module(checks).
-export([crash_before_answer/1, told_by_link/1]).

%% Some process took an {add, From, N} request out of its mailbox and
%% crashed before it sent anything more.
crash_before_answer(#{events := Es}) ->
    Crashes = [E || #{kind := crash} = E <- Es],
    Verdicts = [crash_verdict(C, Es) || C <- Crashes],
    case lists:member(ok, Verdicts) of
        true -> true;
        false when Crashes =:= [] ->
            {false, "nothing has crashed yet (:crash P crashes process P)"};
        false ->
            {false, lists:last(Verdicts)}
    end.

%% What the process of crash C did before it: its last receive, and
%% whether it sent anything after that.
crash_verdict(#{proc := P, id := Id}, Es) ->
    Before = [E || #{proc := Q, id := I} = E <- Es, Q =:= P, I < Id],
    Receives = [E || #{kind := 'receive'} = E <- Before],
    case Receives of
        [] ->
            "the process crashed before it took any request: let it receive one first (:mode manual, then :deliver and :step)";
        _ ->
            #{id := R, term := T} = lists:last(Receives),
            Sent = [E || #{kind := send, id := I} = E <- Before, I > R],
            case {T, Sent} of
                {{add, _, _}, []} -> ok;
                {{add, _, _}, _} ->
                    "the process answered the request before it crashed: crash it after it receives the request but before it sends {total, T}";
                _ ->
                    "the last message the process received before it crashed was not an {add, From, N} request"
            end
    end.

%% Some process received {'EXIT', Pid, crashed}: a link told it of a
%% crash (fail-stop).
told_by_link(#{events := Es}) ->
    Exits = [T || #{kind := 'receive', term := {'EXIT', _, crashed} = T} <- Es],
    Downs = [T || #{kind := 'receive', term := {'DOWN', _, process, _, crashed} = T} <- Es],
    Crashed = [E || #{kind := crash} = E <- Es],
    case {Exits, Downs, Crashed} of
        {[_ | _], _, _} -> true;
        {[], [_ | _], _} ->
            {false, "a monitor told you of the crash ('DOWN'); this task wants a link to tell you: link(C) instead of monitor(process, C)"};
        {[], [], []} ->
            {false, "nothing has crashed yet (:crash P crashes process P)"};
        {[], [], _} ->
            {false, "a process crashed, but no {'EXIT', Pid, crashed} message was received. Is fail-stop on (:failstop on)? Does the shell trap exits (process_flag(trap_exit, true)) and is it linked to the counter (link(C))? Did you flush()?"}
    end.
