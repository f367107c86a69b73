%% `timer`, except sleep/1 (a world built-in, since it waits). tc/1,2,3
%% measure in microseconds of the world's virtual clock, which moves only
%% while every process waits: computing takes no time, waiting in a
%% receive or sleep takes exactly its timeout.
%%
%% send_after/2,3 to a pid is erlang:send_after/3. Timers that repeat or
%% apply a function, and sends to a name, are kept by a `timer_server`
%% process, registered on first use as in OTP: it holds each timer under
%% its reference, drives it with erlang:send_after/3 to itself, and drops
%% an interval timer when the process that made it ends.
-module(timer).
-export([tc/1, tc/2, tc/3, seconds/1, minutes/1, hours/1, hms/3,
         now_diff/2, send_after/2, send_after/3, send_interval/2,
         send_interval/3, apply_after/4, apply_interval/4, exit_after/2,
         exit_after/3, kill_after/1, kill_after/2, cancel/1]).

tc(F) ->
    T0 = erlang:monotonic_time(),
    V = F(),
    {elapsed(T0), V}.

tc(F, Args) ->
    T0 = erlang:monotonic_time(),
    V = apply(F, Args),
    {elapsed(T0), V}.

tc(M, F, Args) ->
    T0 = erlang:monotonic_time(),
    V = apply(M, F, Args),
    {elapsed(T0), V}.

elapsed(T0) ->
    erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond).

seconds(S) -> 1000 * S.
minutes(M) -> 60 * 1000 * M.
hours(H) -> 60 * 60 * 1000 * H.
hms(H, M, S) -> hours(H) + minutes(M) + seconds(S).

now_diff({A2, B2, C2}, {A1, B1, C1}) ->
    ((A2 - A1) * 1000000 + (B2 - B1)) * 1000000 + (C2 - C1).

send_after(T, Msg) -> send_after(T, self(), Msg).

send_after(T, Pid, Msg) when is_integer(T), T >= 0, is_pid(Pid) ->
    {ok, {send_local, erlang:send_after(T, Pid, Msg)}};
send_after(T, Dest, Msg) -> apply_after(T, erlang, send, [Dest, Msg]).

send_interval(T, Msg) -> send_interval(T, self(), Msg).

send_interval(T, Dest, Msg) -> apply_interval(T, erlang, send, [Dest, Msg]).

exit_after(T, Reason) -> exit_after(T, self(), Reason).

exit_after(T, Pid, Reason) -> apply_after(T, erlang, exit, [Pid, Reason]).

kill_after(T) -> exit_after(T, self(), kill).

kill_after(T, Pid) -> exit_after(T, Pid, kill).

apply_after(T, M, F, A) when is_integer(T), T >= 0, is_atom(M), is_atom(F), is_list(A) ->
    request({once, T, {M, F, A}});
apply_after(_, _, _, _) -> {error, badarg}.

apply_interval(T, M, F, A) when is_integer(T), T >= 0, is_atom(M), is_atom(F), is_list(A) ->
    request({interval, T, {M, F, A}, self()});
apply_interval(_, _, _, _) -> {error, badarg}.

cancel({send_local, Ref}) when is_reference(Ref) ->
    erlang:cancel_timer(Ref),
    {ok, cancel};
cancel({Kind, Ref}) when (Kind =:= once orelse Kind =:= interval), is_reference(Ref) ->
    request({cancel, Ref});
cancel(_) -> {error, badarg}.

request(Req) ->
    Server = server(),
    Tag = erlang:monitor(process, Server),
    Server ! {timer_request, self(), Tag, Req},
    receive
        {Tag, Reply} ->
            erlang:demonitor(Tag, [flush]),
            Reply;
        {'DOWN', Tag, _, _, Reason} -> erlang:error(Reason)
    end.

server() ->
    case whereis(timer_server) of
        undefined ->
            Pid = spawn(fun() -> serve(#{}) end),
            try register(timer_server, Pid) of
                true -> Pid
            catch
                error:badarg ->
                    exit(Pid, kill),
                    server()
            end;
        Pid -> Pid
    end.

%% Timers maps each reference to {Kind, Time, MFA, SendAfterRef}, and an
%% interval's owner monitor to its reference.
serve(Timers) ->
    receive
        {timer_request, From, Tag, {cancel, Ref}} ->
            From ! {Tag, {ok, cancel}},
            serve(drop(Ref, Timers));
        {timer_request, From, Tag, {once, T, MFA}} ->
            Ref = make_ref(),
            From ! {Tag, {ok, {once, Ref}}},
            serve(Timers#{Ref => {once, T, MFA, erlang:send_after(T, self(), {fire, Ref})}});
        {timer_request, From, Tag, {interval, T, MFA, Owner}} ->
            Ref = make_ref(),
            Mon = erlang:monitor(process, Owner),
            From ! {Tag, {ok, {interval, Ref}}},
            serve(Timers#{Ref => {{interval, Mon}, T, MFA, erlang:send_after(T, self(), {fire, Ref})},
                          Mon => Ref});
        {fire, Ref} ->
            case Timers of
                #{Ref := {once, _, {M, F, A}, _}} ->
                    spawn(M, F, A),
                    serve(maps:remove(Ref, Timers));
                #{Ref := {{interval, _} = Kind, T, {M, F, A} = MFA, _}} ->
                    Next = erlang:send_after(T, self(), {fire, Ref}),
                    spawn(M, F, A),
                    serve(Timers#{Ref => {Kind, T, MFA, Next}});
                _ -> serve(Timers)
            end;
        {'DOWN', Mon, process, _, _} ->
            case Timers of
                #{Mon := Ref} -> serve(drop(Ref, maps:remove(Mon, Timers)));
                _ -> serve(Timers)
            end
    end.

drop(Ref, Timers) ->
    case Timers of
        #{Ref := {Kind, _, _, Next}} ->
            erlang:cancel_timer(Next),
            Timers1 = maps:remove(Ref, Timers),
            case Kind of
                {interval, Mon} ->
                    erlang:demonitor(Mon, [flush]),
                    maps:remove(Mon, Timers1);
                once -> Timers1
            end;
        _ -> Timers
    end.
