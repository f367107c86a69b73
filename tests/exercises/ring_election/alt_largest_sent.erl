%% A correct variant (full marks): each node remembers the largest id it
%% has sent on, and the announcement is another kind of message.
-module(ring_election).
-export([start/2]).

%% Keeps the largest id it has sent on (0 at first): a token is passed on
%% only if it beats that; a node that starts, or meets a smaller token
%% before it sent anything, sends its own id.
start(Id, Elected) ->
    spawn(fun() -> wait(Id, Elected) end).

wait(Id, Elected) ->
    receive
        {next, Next} -> loop(#{id => Id, next => Next, elected => Elected, sent => 0, leader => none})
    end.

loop(#{id := Id, next := Next, elected := Elected, sent := Sent, leader := Leader} = S) ->
    receive
        start when Sent =:= 0, Leader =:= none ->
            Next ! {token, Id},
            loop(S#{sent := Id});
        start ->
            loop(S);
        {token, Id} ->
            Elected(Id),
            Next ! {leader, Id},
            loop(S#{leader := Id});
        {token, J} when J > Sent, J > Id ->
            Next ! {token, J},
            loop(S#{sent := J});
        {token, _} when Sent =:= 0 ->
            Next ! {token, Id},
            loop(S#{sent := Id});
        {token, _} ->
            loop(S);
        {leader, Id} ->
            loop(S);
        {leader, L} ->
            Elected(L),
            Next ! {leader, L},
            loop(S#{leader := L})
    end.
