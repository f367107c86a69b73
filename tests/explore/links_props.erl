%% Link properties over the emitted terms, in order. They understand three
%% kinds of emission:
%%   {send, M} and {deliver, M}: pl_small, naive_small, stubborn_small
%%   {pl_send, Seq, M} and {pl_deliver, Seq, M}: tests/programs/perfect_link
%%     and tests/programs/naive_link
%%   {sl_send, M} and {sl_deliver, M}: tests/programs/stubborn_link
%% Anything else is ignored. Stubborn links break no-duplication on
%% purpose: they deliver each message again and again.
-module(links_props).
-export([always_no_duplication/1, always_no_creation/1,
         eventually_delivered/1]).

%% No message is delivered twice.
always_no_duplication(E) when is_list(E) ->
    Ds = delivered(E),
    length(Ds) =:= length(lists:usort(Ds));
always_no_duplication(_) ->
    false.

%% Every delivery comes after a send of the same message.
always_no_creation(E) when is_list(E) ->
    no_creation(E, []);
always_no_creation(_) ->
    false.

no_creation([], _Sent) ->
    true;
no_creation([X | Rest], Sent) ->
    case classify(X) of
        {send, K} -> no_creation(Rest, [K | Sent]);
        {deliver, K} -> lists:member(K, Sent) andalso no_creation(Rest, Sent);
        other -> no_creation(Rest, Sent)
    end.

%% Every message the sender has to send was sent and delivered. The
%% programs emit a send only when they get to it (perfect_link sends the
%% next message after the previous one is acknowledged), so "all sends so
%% far are delivered" could hold too early. Instead we list each
%% program's messages and ask that all of one list were sent and
%% delivered. False on [].
eventually_delivered(E) when is_list(E) ->
    Sent = sent(E),
    Ds = delivered(E),
    lists:any(fun(Expected) ->
                      lists:all(fun(K) ->
                                        lists:member(K, Sent)
                                            andalso lists:member(K, Ds)
                                end, Expected)
              end, expected());
eventually_delivered(_) ->
    false.

%% The messages of each program, as keys made by classify/1.
expected() ->
    [[{link, a}, {link, b}],
     [{pl, 1, a}, {pl, 2, b}, {pl, 3, c}, {pl, 4, d}, {pl, 5, e}],
     [{sl, a}, {sl, b}, {sl, c}]].

sent(E) ->
    [K || X <- E, {send, K} <- [classify(X)]].

delivered(E) ->
    [K || X <- E, {deliver, K} <- [classify(X)]].

%% Turns an emission into {send, Key}, {deliver, Key} or other. The key
%% names the message and which kind of program emitted it.
classify({send, M}) -> {send, {link, M}};
classify({deliver, M}) -> {deliver, {link, M}};
classify({pl_send, Seq, M}) -> {send, {pl, Seq, M}};
classify({pl_deliver, Seq, M}) -> {deliver, {pl, Seq, M}};
classify({sl_send, M}) -> {send, {sl, M}};
classify({sl_deliver, M}) -> {deliver, {sl, M}};
classify(_) -> other.
