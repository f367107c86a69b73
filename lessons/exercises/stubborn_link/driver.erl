%% Drives stubborn_link from processes that use it as a library: each
%% process keeps its link as a value, hands it the messages it wants sent
%% and every network message tagged sl that it receives, and calls
%% stubborn_link:timeout/1 every 10 ms for a number of rounds, then no
%% more ("stops" the link). The network is fair-loss (the flags), and
%% every message in the world goes over it: so the driver's processes
%% send each other nothing but the link's own messages. They learn each
%% other's pids from spawn: the main process is p, and every process it
%% spawns knows the ones spawned before it.
%%
%% Emits {plan, [{From, To, M}]} once, before anything is sent
%% (names are atoms), {pid, Name, Pid} as each process starts, and
%% {deliver, At, From, M} for every message the link delivers, with From
%% as the link gave it (a pid, if all is well).
-module(driver).
-export([main/1]).

-define(ROUNDS, 2).

main(["one_way"]) ->
    %% p sends a and b to q.
    run([{q, []}], [{q, a}, {q, b}]);
main(["three"]) ->
    %% p sends a to q and b to r; q sends c to p.
    run([{q, [{p, c}]}, {r, []}], [{q, a}, {r, b}]).

%% Others: [{Name, [{To, M}]}] in spawn order; Mine: what p sends.
run(Others, Mine) ->
    Plan = [{p, To, M} || {To, M} <- Mine]
        ++ [{N, To, M} || {N, Sends} <- Others, {To, M} <- Sends],
    pidlab:emit({plan, Plan}),
    Known = lists:foldl(
              fun({Name, Sends}, Acc) ->
                      Pid = spawn(fun() -> owner(Name, [{Name, self()} | Acc], Sends) end),
                      Acc ++ [{Name, Pid}]
              end, [{p, self()}], Others),
    owner(p, Known, Mine).

%% A process with its link: sends its messages, then handles the link's
%% messages, with a timeout every 10 ms for ?ROUNDS rounds if it has
%% anything to send.
owner(Name, Known, Sends) ->
    pidlab:emit({pid, Name, self()}),
    L = lists:foldl(fun({To, M}, L0) ->
                            stubborn_link:send(L0, proplists:get_value(To, Known), M)
                    end, stubborn_link:new(), Sends),
    Rounds = case Sends of [] -> 0; _ -> ?ROUNDS end,
    loop(Name, L, Rounds).

loop(Name, L, 0) ->
    receive
        Msg when is_tuple(Msg), element(1, Msg) =:= sl ->
            loop(Name, handle(Name, L, Msg), 0)
    end;
loop(Name, L, Rounds) ->
    receive
        Msg when is_tuple(Msg), element(1, Msg) =:= sl ->
            loop(Name, handle(Name, L, Msg), Rounds)
    after 10 ->
        loop(Name, stubborn_link:timeout(L), Rounds - 1)
    end.

handle(Name, L, Msg) ->
    {Delivered, L1} = stubborn_link:handle(L, Msg),
    [pidlab:emit({deliver, Name, From, M}) || {From, M} <- Delivered],
    L1.
