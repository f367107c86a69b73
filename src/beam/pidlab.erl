%% The pidlab module for real Erlang/OTP. Programs written for pidlab call
%% pidlab:emit/1, pidlab:choose/1 and pidlab:idle/0; with this module they
%% compile with erlc and run on erl unchanged. `pidlab shim > pidlab.erl`
%% writes it out; `pidlab beam` loads it on every node it starts.
-module(pidlab).
-export([emit/1, choose/1, idle/0, lamport/0, vc/0]).

%% Records Term for the properties and the trace. On erl it does nothing
%% by itself: `pidlab beam` traces calls to it, so each one becomes an
%% `emit` event of the trace.
-spec emit(term()) -> ok.
emit(_Term) ->
    ok.

%% One of the options. The simulator and the explorer branch over every
%% option; on erl the choice is random.
-spec choose([term(), ...]) -> term().
choose([Only]) ->
    Only;
choose(Options) when is_list(Options), Options =/= [] ->
    lists:nth(rand:uniform(length(Options)), Options);
choose(Options) ->
    erlang:error(badarg, [Options]).

%% Marks the calling process as a server that may wait forever (the
%% explorer's no-deadlock check does not count it). Nothing to do on erl.
-spec idle() -> ok.
idle() ->
    ok.

%% The simulator's clocks. Real nodes do not keep them while the program
%% runs (`pidlab beam` computes them afterwards, from the trace), so on erl
%% the Lamport time is 0 and the vector clock is empty.
-spec lamport() -> non_neg_integer().
lamport() ->
    0.

-spec vc() -> #{pid() => pos_integer()}.
vc() ->
    #{}.
