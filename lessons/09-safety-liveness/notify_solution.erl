%% The sender calls the receiver again every 10 ms until the answer
%% comes. The receiver answers every copy of the call (an answer can be
%% lost too) and emits got for the first one only.
-module(notify).
-export([main/0]).

main() ->
    R = spawn(fun() -> receiver(false) end),
    call(R).

call(R) ->
    R ! {wake_up, self()},
    receive
        ack -> ok
    after 10 ->
        call(R)
    end.

receiver(Woken) ->
    receive
        {wake_up, From} ->
            From ! ack,
            case Woken of
                false -> pidlab:emit(got);
                true -> ok
            end,
            receiver(true)
    end.
