%% `pidlab beam`: runs a program on real distributed Erlang nodes and
%% records what happened with Erlang's own tracing. pidlab writes this
%% module next to the program, compiles the program with the parse
%% transform below and starts the first node with `pidlab_beam:main/1`.
%%
%% - Every node has a recorder (`pidlab_tracer`) that keeps the trace
%%   messages of the program's processes in a table. Nothing leaves a node
%%   while the program runs, so a partition cannot lose the trace: the
%%   first node collects the tables at the end through `peer`'s control
%%   connection (standard I/O), which is not a distribution connection.
%% - The parse transform sends the program's `spawn` calls here: a new
%%   process goes to the next node round-robin (or where spawn/2,4 say) and
%%   turns its own tracing on before it runs.
%% - The program's output goes through an I/O server on the first node,
%%   which prints it and remembers the text of each request.
%% - At the end every event is written as one tab-separated line, pids as
%%   the first node prints them; pidlab turns the lines into its trace.
-module(pidlab_beam).

-export([main/1, parse_transform/2, format_error/1]).
-export([spawn/1, spawn/2, spawn/3, spawn/4,
         spawn_link/1, spawn_link/2, spawn_link/3, spawn_link/4,
         spawn_monitor/1, spawn_monitor/2, spawn_monitor/3, spawn_monitor/4,
         enter/1, started/0, register/2, unregister/1, whereis/1, send/2, halt/0, halt/1,
         halt/2]).
-export([start_tracer/1, place/2, poll/0, dump/1, freeze/0, program/0]).

-compile({no_auto_import, [halt/0, halt/1, halt/2, register/2, unregister/1, whereis/1, spawn/1, spawn/2, spawn/3, spawn/4,
                           spawn_link/1, spawn_link/2, spawn_link/3, spawn_link/4,
                           spawn_monitor/1, spawn_monitor/2, spawn_monitor/3,
                           spawn_monitor/4]}).
-compile({nowarn_deprecated_function, [{erlang, now, 0}]}).

-define(FLAGS, [send, 'receive', procs, call, timestamp, set_on_spawn]).
-define(POLL_MS, 20).
%% A process whose heap passes this many words (400 MB) is killed, as
%% `+hmax` says; pidlab starts the first node with the same flag.
-define(MAX_HEAP_WORDS, 50000000).

%% ------------------------------------------------------------------ run

main([Config]) ->
    Code = try run(Config)
           catch throw:{node_did_not_start, K, Error} ->
                   io:format(standard_error, "pidlab beam: node n~w did not start: ~p~n",
                             [K, Error]),
                   3;
                 C:R:St ->
                   io:format(standard_error, "pidlab beam: ~p:~p~n~p~n", [C, R, St]),
                   3
           end,
    erlang:halt(Code).

run(Config) ->
    %% The program's processes have a heap bound (+hmax); pidlab's own
    %% work with a big recording does not.
    process_flag(max_heap_size, 0),
    {ok, Terms} = file:consult(Config),
    Opt = fun(K, D) -> proplists:get_value(K, Terms, D) end,
    Module = Opt(module, undefined),
    Args = Opt(args, []),
    N = Opt(nodes, 3),
    Dir = Opt(dir, "."),
    Out = Opt(out, "events.txt"),
    process_flag(trap_exit, true),
    true = erlang:register(pidlab_driver, self()),
    ets:new(pidlab_output, [named_table, public, set]),
    Max = Opt(max_events, 200000),
    {ok, Tracer} = start_tracer(Max),
    Peers = [start_peer(Opt(base, "pidlab"), K, Dir) || K <- lists:seq(2, N)],
    Nodes = [node() | [Node || {_, Node} <- Peers]],
    Calls = [{local, node()} | [{P, Node} || {P, Node} <- Peers]],
    %% A pid of each node, to say which number the first node gives it
    %% in the pids it prints.
    Tracers = [Tracer | [T || {P, _} <- Peers, {ok, T} <- [on(P, ?MODULE, start_tracer, [Max])]]],
    %% A full mesh: nodes never connect by themselves (-dist_auto_connect
    %% never), so a partition stays cut until it heals.
    [true = on(P, net_kernel, connect_node, [Other])
     || {P, Node} <- Calls, Other <- Nodes, Other > Node],
    [ok = on(P, ?MODULE, place, [rotate(Node, Nodes), node()]) || {P, Node} <- Calls],
    {module, Module} = code:ensure_loaded(Module),
    Entry = case Args of
                [] -> case erlang:function_exported(Module, main, 0) of
                          true -> fun() -> Module:main() end;
                          false -> fun() -> Module:main([]) end
                      end;
                _ -> fun() -> Module:main(Args) end
            end,
    Io = erlang:spawn(fun() -> io_server() end),
    Start = erlang:now(),
    Faults = lists:sort([F || F <- Terms, is_fault(F)]),
    {Now, Later} = lists:partition(fun(F) -> element(2, F) =< 0 end, Faults),
    S0 = #{calls => Calls, nodes => Nodes, start => Start, io => Io, tracers => Tracers,
           log => [], frozen => [], quiet => Opt(quiet, 1000),
           limit => Opt(time_limit, 30000), main_exit => none,
           max_events => Max, stop_file => filename:join(Dir, "stop"), dir => Dir},
    S1 = lists:foldl(fun fault/2, S0, Now),
    [erlang:send_after(At, self(), {fault, F}) || F = {_, At, _} <- Later],
    Main = erlang:spawn(fun() ->
                                receive {'$pidlab', go} -> ok end,
                                Entry()
                        end),
    Ref = erlang:monitor(process, Main),
    group_leader(Io, Main),
    1 = erlang:trace(Main, true, [{tracer, Tracer} | ?FLAGS]),
    Main ! {'$pidlab', go},
    S2 = wait(S1#{main => Main, main_ref => Ref, pending => length(Later),
                  count => -1, changed => Start}),
    finish(S2, Out).

start_peer(Base, K, Dir) ->
    Name = list_to_atom(Base ++ "_" ++ integer_to_list(K)),
    Args = ["-setcookie", atom_to_list(erlang:get_cookie()), "-pa", Dir, "+Bi",
            "+hmax", integer_to_list(?MAX_HEAP_WORDS),
            "-kernel", "dist_auto_connect", "never", "-connect_all", "false",
            "-kernel", "prevent_overlapping_partitions", "false"],
    case peer:start(#{name => Name, host => "localhost", connection => standard_io,
                      args => Args}) of
        {ok, P, Node} -> {P, Node};
        Error -> throw({node_did_not_start, K, Error})
    end.

%% Calls a function on a node: directly on the first one, through peer's
%% control connection on the others.
on(local, M, F, A) -> apply(M, F, A);
on(P, M, F, A) -> peer:call(P, M, F, A, 10000).

rotate(Node, Nodes) ->
    {Before, [Node | After]} = lists:splitwith(fun(X) -> X =/= Node end, Nodes),
    After ++ Before ++ [Node].

is_fault({partition, At, _}) -> is_integer(At);
is_fault({heal, At, _}) -> is_integer(At);
is_fault({crash, At, _}) -> is_integer(At);
is_fault(_) -> false.

%% Waits until the program is done: `quiet` milliseconds after main
%% returned, or once nothing is recorded for `quiet` milliseconds while
%% every process waits in a receive (and no fault is still to come), or at
%% the time limit.
wait(S = #{main := Main, main_ref := Ref}) ->
    receive
        {'DOWN', Ref, process, Main, Reason} ->
            %% The others get `quiet` milliseconds more (the run stops
            %% sooner if they fall quiet), then the run ends.
            wait(S#{main_exit := Reason, main_ended => erlang:now()});
        {'$pidlab', halt, _} ->
            %% The program called halt/0,1,2 or init:stop/0,1.
            S#{stop => halted};
        {fault, F} ->
            S1 = fault(F, S),
            wait(S1#{pending := maps:get(pending, S1) - 1})
    after ?POLL_MS ->
            Now = erlang:now(),
            Polls = [{Call, try on(P, ?MODULE, poll, []) catch _:_ -> gone end}
                     || Call = {P, _} <- maps:get(calls, S)],
            %% A node that went away (the program halted it) is gone with
            %% its recording.
            Gone = [Node || {{_, Node}, gone} <- Polls],
            Counts = [C || {_, {C, _}} <- Polls],
            Busy = lists:member(true, [B || {_, {_, B}} <- Polls]),
            Count = lists:sum(Counts),
            Largest = lists:max([0 | Counts]),
            S0 = lists:foldl(fun(Node, Acc) ->
                                     log({lost_node, index(Node, maps:get(nodes, Acc))},
                                         Acc#{calls := lists:keydelete(Node, 2, maps:get(calls, Acc))})
                             end, S, Gone),
            Elapsed = timer:now_diff(Now, maps:get(start, S)) div 1000,
            Since = timer:now_diff(Now, maps:get(changed, S)) div 1000,
            Interrupted = filelib:is_file(map_get(stop_file, S)),
            Ended = maps:get(main_ended, S, none),
            After = case Ended of
                        none -> 0;
                        _ -> timer:now_diff(Now, Ended) div 1000
                    end,
            if
                Interrupted ->
                    S0#{stop => interrupted};
                Elapsed >= map_get(limit, S) ->
                    S0#{stop => time_limit};
                Largest >= map_get(max_events, S) ->
                    S0#{stop => max_events};
                Ended =/= none, After >= map_get(quiet, S) ->
                    S0#{stop => main};
                Count =/= map_get(count, S) ->
                    wait(S0#{count := Count, changed := Now});
                not Busy, Since >= map_get(quiet, S), map_get(pending, S) =:= 0 ->
                    S0#{stop => quiet};
                true ->
                    wait(S0)
            end
    end.

%% ---------------------------------------------------------------- faults

fault({partition, _, Groups}, S = #{nodes := Nodes, calls := Calls}) ->
    Side = fun(Node) -> group_of(index(Node, Nodes), Groups) end,
    [on(P, erlang, disconnect_node, [Other])
     || {P, Node} <- Calls, Other <- Nodes, Other > Node, Side(Node) =/= Side(Other)],
    log({partition, groups_text(Groups)}, S);
fault({heal, _, _}, S = #{nodes := Nodes, calls := Calls}) ->
    [on(P, net_kernel, connect_node, [Other])
     || {P, Node} <- Calls, Other <- Nodes, Other > Node],
    log(heal, S);
fault({crash, _, {node, K}}, S = #{nodes := Nodes, calls := Calls}) ->
    Node = lists:nth(K, Nodes),
    case lists:keyfind(Node, 2, Calls) of
        {P, Node} ->
            Live = on(P, ?MODULE, freeze, []),
            on(P, ?MODULE, dump, [dump_file(S, K)]),
            Events = read_dump(dump_file(S, K)),
            S1 = lists:foldl(fun(Pid, Acc) -> log({crash, Pid}, Acc) end, S, Live),
            peer:stop(P),
            S1#{calls := lists:keydelete(Node, 2, Calls),
                frozen := [{Node, Events} | maps:get(frozen, S1)]};
        false ->
            S
    end;
fault({crash, _, Who}, S = #{calls := Calls}) ->
    case find(Who, S) of
        {ok, Pid} ->
            case lists:keyfind(node(Pid), 2, Calls) of
                {P, _} ->
                    case catch on(P, erlang, is_process_alive, [Pid]) of
                        true ->
                            catch on(P, erlang, exit, [Pid, kill]),
                            log({crash, Pid}, S);
                        _ ->
                            S
                    end;
                false ->
                    S
            end;
        none ->
            log({missing, Who}, S)
    end.

log(What, S = #{log := Log}) ->
    S#{log := [{erlang:now(), What} | Log]}.

index(Node, Nodes) -> length(lists:takewhile(fun(X) -> X =/= Node end, Nodes)) + 1.

group_of(I, Groups) ->
    case [G || G <- Groups, lists:member(I, G)] of
        [G | _] -> G;
        [] -> [I]
    end.

groups_text(Groups) ->
    lists:join("|", [lists:join(",", ["n" ++ integer_to_list(I) || I <- G]) || G <- Groups]).

%% A process of the program by registered name, or by alias: `p1` is
%% main, the others numbered in the order they were spawned (as the trace
%% numbers them).
find({name, Name}, S = #{calls := Calls}) ->
    Program = [Pid || {_, Pid} <- known(S)],
    case [Pid || {P, _} <- Calls, Pid <- [catch on(P, erlang, whereis, [Name])],
                 lists:member(Pid, Program)] of
        [Pid | _] -> {ok, Pid};
        [] -> none
    end;
find({alias, K}, S) ->
    All = known(S),
    case K =< length(All) of
        true -> {ok, element(2, lists:nth(K, All))};
        false -> none
    end.

%% Every process of the program the nodes know of, by when it was spawned
%% (or first did something).
known(#{calls := Calls}) ->
    Seen = lists:foldl(fun({Pid, T}, M) ->
                               maps:update_with(Pid, fun(U) -> min(T, U) end, T, M)
                       end, #{}, [X || {P, _} <- Calls, L <- [catch on(P, ?MODULE, program, [])],
                                       is_list(L), X <- L]),
    lists:sort([{T, Pid} || {Pid, T} <- maps:to_list(Seen)]).

%% -------------------------------------------------------- on every node

%% The recorder of this node: it keeps at most Max events (the run stops
%% there).
start_tracer(Max) ->
    Self = self(),
    T = erlang:spawn(fun() ->
                             erlang:register(pidlab_tracer, self()),
                             process_flag(message_queue_data, off_heap),
                             process_flag(max_heap_size, 0),
                             process_flag(priority, high),
                             ets:new(pidlab_events, [named_table, public, ordered_set]),
                             ets:new(pidlab_procs, [named_table, public, set]),
                             ets:new(pidlab_names, [named_table, public, set]),
                             Self ! {self(), ready},
                             record(0, Max)
                     end),
    receive {T, ready} -> {ok, T}
    after 10000 -> throw({node_did_not_start, node(), no_recorder})
    end.

record(N, Max) when N >= Max ->
    %% Full: tracing stops on this node (the run stops soon after), and
    %% what is still coming is thrown away.
    erlang:trace(all, false, [all]),
    receive
        {sync, From, Ref} -> From ! {Ref, synced};
        _ -> ok
    end,
    record(N, Max);
record(N, Max) ->
    receive
        Trace when element(1, Trace) =:= trace_ts ->
            T = now_us(element(tuple_size(Trace), Trace)),
            ets:insert_new(pidlab_procs, {element(2, Trace), T}),
            case Trace of
                {trace_ts, _, spawn, Child, _, _} -> ets:insert_new(pidlab_procs, {Child, T});
                {trace_ts, _, 'receive', {spawn_reply, _, ok, Child}, _} ->
                    ets:insert_new(pidlab_procs, {Child, T});
                _ -> ok
            end,
            ets:insert(pidlab_events, {N, Trace}),
            record(N + 1, Max);
        {sync, From, Ref} ->
            From ! {Ref, synced},
            record(N, Max);
        _ ->
            record(N, Max)
    end.

%% Where this node's spawns go, in turn, and `pidlab:emit/1` traced.
%% Error reports go to stderr, as the simulator's do: stdout is the
%% program's output.
place(Nodes, First) ->
    persistent_term:put(pidlab_place, {list_to_tuple(Nodes), atomics:new(1, [])}),
    persistent_term:put(pidlab_first, First),
    catch io:setopts(user, [{encoding, unicode}]),
    case logger:get_handler_config(default) of
        {ok, C = #{module := Mod}} ->
            ok = logger:remove_handler(default),
            Config = maps:get(config, C, #{}),
            ok = logger:add_handler(default, Mod,
                                    maps:without([id, module],
                                                 C#{config => Config#{type => standard_error}}));
        _ ->
            ok
    end,
    {module, pidlab} = code:ensure_loaded(pidlab),
    erlang:trace_pattern({pidlab, emit, 1}, true, [global]),
    erlang:trace_pattern({?MODULE, started, 0}, true, [global]),
    ok.

%% How many events this node recorded, and whether a process of the
%% program is running (not waiting in a receive).
poll() ->
    Busy = lists:any(fun({Pid, _}) when node(Pid) =/= node() ->
                             false;
                        ({Pid, _}) ->
                             case erlang:process_info(Pid, status) of
                                 {status, waiting} -> false;
                                 {status, suspended} -> false;
                                 undefined -> false;
                                 _ -> true
                             end
                     end, ets:tab2list(pidlab_procs)),
    {ets:info(pidlab_events, size), Busy}.

%% This node's recording, written to File: the nodes share the machine,
%% and a file is faster than peer's control connection for a big one.
dump(File) ->
    process_flag(max_heap_size, 0),
    ok = file:write_file(File, term_to_binary([T || {_, T} <- ets:tab2list(pidlab_events)])).

read_dump(File) ->
    case file:read_file(File) of
        {ok, B} -> binary_to_term(B);
        _ -> []
    end.

dump_file(#{dir := Dir}, K) ->
    filename:join(Dir, "node" ++ integer_to_list(K) ++ ".bin").

%% The program's processes this node knows of (its own, and those its
%% processes spawned elsewhere) and when each was spawned or first did
%% something.
program() ->
    ets:tab2list(pidlab_procs).

%% Stops every process of the program on this node, waits until the
%% recorder has every trace message they made, and says which were alive.
freeze() ->
    Live = [Pid || {Pid, _} <- program(), node(Pid) =:= node(), erlang:is_process_alive(Pid)],
    [catch erlang:suspend_process(Pid) || Pid <- Live],
    Ref = erlang:trace_delivered(all),
    receive {trace_delivered, all, Ref} -> ok after 5000 -> ok end,
    Sync = make_ref(),
    pidlab_tracer ! {sync, self(), Sync},
    receive {Sync, synced} -> ok after 5000 -> ok end,
    Live.

%% ------------------------------------------------------- program's spawns

next_node() ->
    case persistent_term:get(pidlab_place, undefined) of
        undefined ->
            node();
        {Nodes, Turn} ->
            %% Nodes that crashed or are cut off are skipped.
            Reach = [node() | nodes()],
            case [N || N <- tuple_to_list(Nodes), lists:member(N, Reach)] of
                [] ->
                    node();
                Live ->
                    K = atomics:add_get(Turn, 1, 1),
                    lists:nth((K - 1) rem length(Live) + 1, Live)
            end
    end.

spawn(F) -> erlang:spawn(next_node(), ?MODULE, enter, [F]).
spawn(N, F) -> erlang:spawn(N, ?MODULE, enter, [F]).
spawn(M, F, A) -> erlang:spawn(next_node(), ?MODULE, enter, [{M, F, A}]).
spawn(N, M, F, A) -> erlang:spawn(N, ?MODULE, enter, [{M, F, A}]).
spawn_link(F) -> erlang:spawn_link(next_node(), ?MODULE, enter, [F]).
spawn_link(N, F) -> erlang:spawn_link(N, ?MODULE, enter, [F]).
spawn_link(M, F, A) -> erlang:spawn_link(next_node(), ?MODULE, enter, [{M, F, A}]).
spawn_link(N, M, F, A) -> erlang:spawn_link(N, ?MODULE, enter, [{M, F, A}]).
spawn_monitor(F) -> erlang:spawn_monitor(next_node(), ?MODULE, enter, [F]).
spawn_monitor(N, F) -> erlang:spawn_monitor(N, ?MODULE, enter, [F]).
spawn_monitor(M, F, A) -> erlang:spawn_monitor(next_node(), ?MODULE, enter, [{M, F, A}]).
spawn_monitor(N, M, F, A) -> erlang:spawn_monitor(N, ?MODULE, enter, [{M, F, A}]).

%% A new process of the program: traced from its first step.
enter(F) ->
    case erlang:whereis(pidlab_tracer) of
        undefined -> ok;
        T -> catch erlang:trace(self(), true, [{tracer, T} | ?FLAGS])
    end,
    ?MODULE:started(),
    case F of
        {M, Fn, A} -> apply(M, Fn, A);
        _ -> F()
    end.

%% Traced, so that a process that never does anything else is still seen.
started() -> ok.

%% halt/0,1,2 and init:stop/0,1 in the program: the run stops (the nodes
%% stay up to hand over their recordings).
halt() ->
    {pidlab_driver, persistent_term:get(pidlab_first, node())} ! {'$pidlab', halt, self()},
    receive after infinity -> ok end.
halt(_) -> halt().
halt(_, _) -> halt().

%% Runs F with this process's receives untraced: the replies of a remote
%% call pidlab makes for the program are not the program's messages.
quietly(F) ->
    case erlang:trace_info(self(), tracer) of
        {tracer, T} when is_pid(T) ->
            erlang:trace(self(), false, ['receive']),
            try F()
            after erlang:trace(self(), true, ['receive', {tracer, T}])
            end;
        _ ->
            F()
    end.

%% Registered names across the nodes: a name is registered on the node of
%% its process (as Erlang requires) and every node learns where it is, so
%% `Name ! Msg` and whereis/1 work from any node, as they did in the
%% simulator.
register(Name, Pid) when is_atom(Name), is_pid(Pid), node(Pid) =/= node() ->
    case quietly(fun() -> erpc:call(node(Pid), erlang, register, [Name, Pid]) end) of
        true -> publish(Name, node(Pid));
        Other -> Other
    end;
register(Name, Pid) ->
    true = erlang:register(Name, Pid),
    publish(Name, node()).

publish(Name, Node) ->
    ets:insert(pidlab_names, {Name, Node}),
    quietly(fun() -> catch erpc:multicall(nodes(), ets, insert, [pidlab_names, {Name, Node}], 2000) end),
    true.

unregister(Name) ->
    case erlang:whereis(Name) of
        undefined ->
            case remote_name(Name) of
                {ok, Node} -> quietly(fun() -> erpc:call(Node, erlang, unregister, [Name]) end);
                none -> erlang:unregister(Name)
            end;
        _ ->
            erlang:unregister(Name)
    end.

whereis(Name) ->
    case erlang:whereis(Name) of
        undefined ->
            case remote_name(Name) of
                {ok, Node} ->
                    quietly(fun() ->
                                    try erpc:call(Node, erlang, whereis, [Name])
                                    catch _:_ -> undefined
                                    end
                            end);
                none -> undefined
            end;
        Pid ->
            Pid
    end.

send(Name, Msg) when is_atom(Name) ->
    case erlang:whereis(Name) of
        undefined ->
            case remote_name(Name) of
                {ok, Node} -> erlang:send({Name, Node}, Msg);
                none -> erlang:send(Name, Msg)
            end;
        _ ->
            erlang:send(Name, Msg)
    end;
send(Dest, Msg) ->
    erlang:send(Dest, Msg).

remote_name(Name) when is_atom(Name) ->
    case catch ets:lookup(pidlab_names, Name) of
        [{_, Node}] when Node =/= node() -> {ok, Node};
        _ -> none
    end;
remote_name(_) ->
    none.

%% ------------------------------------------------------------- output

io_server() ->
    receive
        {io_request, From, ReplyAs, Request} ->
            {Reply, Text} = request(Request),
            case Text of
                <<>> -> ok;
                _ ->
                    io:put_chars(user, Text),
                    ets:insert(pidlab_output, {ReplyAs, Text})
            end,
            From ! {io_reply, ReplyAs, Reply},
            io_server();
        _ ->
            io_server()
    end.

request({put_chars, Enc, Chars}) -> text(Enc, fun() -> Chars end);
request({put_chars, Enc, M, F, A}) -> text(Enc, fun() -> apply(M, F, A) end);
request({put_chars, Chars}) -> text(latin1, fun() -> Chars end);
request({put_chars, M, F, A}) -> text(latin1, fun() -> apply(M, F, A) end);
request({requests, Rs}) ->
    lists:foldl(fun(R, {ok, Acc}) ->
                        {Reply, T} = request(R),
                        {Reply, <<Acc/binary, T/binary>>};
                   (_, Err) -> Err
                end, {ok, <<>>}, Rs);
request(getopts) -> {[{binary, false}, {encoding, unicode}], <<>>};
request({setopts, _}) -> {ok, <<>>};
request({get_geometry, _}) -> {{error, enotsup}, <<>>};
request(_) -> {eof, <<>>}.

text(Enc, Chars) ->
    try unicode:characters_to_binary(Chars(), Enc) of
        B when is_binary(B) -> {ok, B};
        _ -> {{error, arguments}, <<>>}
    catch _:_ -> {{error, arguments}, <<>>}
    end.

%% ------------------------------------------------------------- the end

finish(S = #{calls := Calls, frozen := Frozen, io := Io}, Out) ->
    %% Stop the program everywhere first, so the recordings agree.
    [catch on(P, ?MODULE, freeze, []) || {P, _} <- Calls],
    Files = [{Node, dump_file(S, index(Node, maps:get(nodes, S)))} || {_, Node} <- Calls],
    [catch on(P, ?MODULE, dump, [F]) || {{P, _}, {_, F}} <- lists:zip(Calls, Files)],
    Live = [{Node, read_dump(F)} || {Node, F} <- Files],
    Nodes = [["node\t", integer_to_list(K), $\t, pid_to_list(T)]
             || {K, T} <- lists:zip(lists:seq(1, length(maps:get(tracers, S))),
                                    maps:get(tracers, S))],
    Meta = [["start\t", us(maps:get(start, S))],
            ["main\t", pid_to_list(maps:get(main, S))],
            ["main_exit\t", w(maps:get(main_exit, S))],
            ["stop\t", w(maps:get(stop, S))]]
        ++ Nodes ++ [fault_line(F) || F <- lists:reverse(maps:get(log, S))],
    %% Written line by line: a recording can be big.
    {ok, Fd} = file:open(Out, [write, raw, delayed_write]),
    [ok = file:write(Fd, [L, $\n]) || L <- Meta],
    [ok = file:write(Fd, [L, $\n]) || {_, Ts} <- Live ++ Frozen, T <- Ts, L <- [line(T, Io)], L =/= skip],
    ok = file:close(Fd),
    [catch peer:stop(P) || {P, _} <- Calls, P =/= local],
    case maps:get(main_exit, S) of
        normal -> 0;
        none -> 0;
        _ -> 1
    end.

fault_line({T, {partition, Groups}}) -> ["partition\t", us(T), $\t, Groups];
fault_line({T, heal}) -> ["heal\t", us(T)];
fault_line({T, {crash, Pid}}) -> ["crash\t", us(T), $\t, pid_to_list(Pid)];
fault_line({_, {lost_node, K}}) -> ["lost_node\t", integer_to_list(K)];
fault_line({_, {missing, {name, N}}}) -> ["missing\t", w(N)];
fault_line({_, {missing, {alias, K}}}) -> ["missing\tp", integer_to_list(K)].

%% One trace message as a line: KIND, microseconds, process, then what
%% the kind carries, terms written with ~w.
line({trace_ts, P, send, {io_request, P, ReplyAs, _}, Io, T}, Io) ->
    case ets:lookup(pidlab_output, ReplyAs) of
        [{_, Text}] -> ev(output, T, P, [hex(Text)]);
        [] -> skip
    end;
line({trace_ts, P, send, Msg, To, T}, _) -> ev(send, T, P, [dest(To), w(Msg)]);
line({trace_ts, P, send_to_non_existing_process, Msg, To, T}, _) ->
    ev(send_lost, T, P, [dest(To), w(Msg)]);
line({trace_ts, P, 'receive', {spawn_reply, _, ok, Child}, T}, _) ->
    ev(spawn, T, P, [pid_to_list(Child)]);
line({trace_ts, P, 'receive', Msg, T}, _) -> ev('receive', T, P, [w(Msg)]);
line({trace_ts, P, spawn, Child, _, T}, _) -> ev(spawn, T, P, [pid_to_list(Child)]);
line({trace_ts, P, exit, Reason, T}, _) -> ev(exit, T, P, [w(Reason)]);
line({trace_ts, P, link, Other, T}, _) when is_pid(Other) -> ev(link, T, P, [pid_to_list(Other)]);
line({trace_ts, P, unlink, Other, T}, _) when is_pid(Other) -> ev(unlink, T, P, [pid_to_list(Other)]);
line({trace_ts, P, register, Name, T}, _) -> ev(register, T, P, [w(Name)]);
line({trace_ts, P, call, {pidlab, emit, [Term]}, T}, _) -> ev(emit, T, P, [w(Term)]);
line({trace_ts, P, call, {?MODULE, started, []}, T}, _) -> ev(started, T, P, []);
line(_, _) -> skip.

ev(Kind, T, P, Fields) ->
    lists:join($\t, [atom_to_list(Kind), us(T), pid_to_list(P) | Fields]).

dest(To) when is_pid(To) -> pid_to_list(To);
dest({Name, _Node}) when is_atom(Name) -> ["name:", w(Name)];
dest(Name) when is_atom(Name) -> ["name:", w(Name)];
dest(Other) -> ["other:", w(Other)].

w(T) -> io_lib:format("~w", [T]).

us(T) -> integer_to_list(now_us(T)).

now_us({M, S, U}) -> (M * 1000000 + S) * 1000000 + U.

hex(Bin) -> [io_lib:format("~2.16.0b", [B]) || <<B>> <= Bin].

%% ------------------------------------------------------- parse transform

-define(NAMES, [{register, 2}, {unregister, 1}, {whereis, 1}]).
-define(HALTS, [{halt, 0}, {halt, 1}, {halt, 2}]).
-define(SPAWNS, [{spawn, 1}, {spawn, 2}, {spawn, 3}, {spawn, 4},
                 {spawn_link, 1}, {spawn_link, 2}, {spawn_link, 3}, {spawn_link, 4},
                 {spawn_monitor, 1}, {spawn_monitor, 2}, {spawn_monitor, 3},
                 {spawn_monitor, 4}]).

parse_transform(Forms, _Options) ->
    Local = [{F, A} || {function, _, F, A, _} <- Forms],
    File = hd([F || {attribute, _, file, {F, _}} <- Forms] ++ ["?"]),
    Shim = pidlab:module_info(exports),
    case lists:usort(missing(Forms, Shim)) of
        [] -> [walk(F, Local) || F <- Forms];
        Missing -> {error, [{File, [{Anno, ?MODULE, {no_shim, F, A, Shim}}
                                    || {Anno, F, A} <- Missing]}], []}
    end.

missing({call, Anno, {remote, _, {atom, _, pidlab}, {atom, _, F}}, Args}, Shim) ->
    A = length(Args),
    Here = case lists:member({F, A}, Shim) of
               true -> [];
               false -> [{Anno, F, A}]
           end,
    Here ++ missing(Args, Shim);
missing(T, Shim) when is_tuple(T) -> missing(tuple_to_list(T), Shim);
missing(L, Shim) when is_list(L) -> lists:append([missing(X, Shim) || X <- L]);
missing(_, _) -> [].

walk({op, A, '!', Dest, Msg}, Local) ->
    {call, A, {remote, A, {atom, A, ?MODULE}, {atom, A, send}}, walk([Dest, Msg], Local)};
walk({call, A, {remote, B, {atom, C, init}, {atom, D, stop}}, Args}, Local) when length(Args) =< 1 ->
    {call, A, {remote, B, {atom, C, ?MODULE}, {atom, D, halt}}, walk(Args, Local)};
walk({call, A, {atom, B, F}, Args}, Local) ->
    case lists:member({F, length(Args)}, (?SPAWNS ++ ?NAMES ++ ?HALTS) -- Local) of
        true -> {call, A, {remote, B, {atom, B, ?MODULE}, {atom, B, F}}, walk(Args, Local)};
        false -> {call, A, {atom, B, F}, walk(Args, Local)}
    end;
walk({call, A, {remote, B, {atom, C, erlang}, {atom, D, F}}, Args}, Local) ->
    case lists:member({F, length(Args)}, ?SPAWNS ++ ?NAMES ++ ?HALTS ++ [{send, 2}]) of
        true -> {call, A, {remote, B, {atom, C, ?MODULE}, {atom, D, F}}, walk(Args, Local)};
        false -> {call, A, {remote, B, {atom, C, erlang}, {atom, D, F}}, walk(Args, Local)}
    end;
walk(T, Local) when is_tuple(T) -> list_to_tuple(walk(tuple_to_list(T), Local));
walk(L, Local) when is_list(L) -> [walk(X, Local) || X <- L];
walk(X, _) -> X.

format_error({no_shim, F, A, Shim}) ->
    Have = lists:join(", ", [io_lib:format("~w/~w", [G, B]) || {G, B} <- Shim,
                                                               G =/= module_info]),
    io_lib:format("pidlab:~w/~w is not in the pidlab module for real Erlang nodes "
                  "(it has ~s)", [F, A, Have]).
