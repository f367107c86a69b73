-module(exercise_bank_account).
-export([main/0]).

%% An exercise in the style students hand in: a bank account process with
%% a small API, and its tests, each printing the value it checks.

-record(account, {owner, balance = 0, history = []}).
-define(ASSERT_EQ(Expected, Expr),
        io:format("~s = ~p: ~p~n", [??Expr, Expected, (Expected) =:= (Expr)])).

open(Owner) ->
    spawn(fun() -> loop(#account{owner = Owner}) end).

deposit(Pid, Amount) -> call(Pid, {deposit, Amount}).
withdraw(Pid, Amount) -> call(Pid, {withdraw, Amount}).
balance(Pid) -> call(Pid, balance).
history(Pid) -> call(Pid, history).
close(Pid) -> call(Pid, close).

call(Pid, Request) ->
    Ref = make_ref(),
    Pid ! {self(), Ref, Request},
    receive
        {Ref, Reply} -> Reply
    after 1000 ->
        {error, account_closed}
    end.

loop(#account{balance = B, history = H} = A) ->
    receive
        {From, Ref, {deposit, N}} when is_integer(N), N > 0 ->
            From ! {Ref, ok},
            loop(A#account{balance = B + N, history = [{deposit, N} | H]});
        {From, Ref, {withdraw, N}} when is_integer(N), N > 0, N =< B ->
            From ! {Ref, ok},
            loop(A#account{balance = B - N, history = [{withdraw, N} | H]});
        {From, Ref, {withdraw, N}} when is_integer(N), N > B ->
            From ! {Ref, {error, insufficient_funds}},
            loop(A);
        {From, Ref, {_, _}} ->
            From ! {Ref, {error, badarg}},
            loop(A);
        {From, Ref, balance} ->
            From ! {Ref, A#account.balance},
            loop(A);
        {From, Ref, history} ->
            From ! {Ref, lists:reverse(H)},
            loop(A);
        {From, Ref, close} ->
            From ! {Ref, {closed, A#account.owner, B}}
    end.

main() ->
    P = open("ada"),
    ?ASSERT_EQ(0, balance(P)),
    ?ASSERT_EQ(ok, deposit(P, 100)),
    ?ASSERT_EQ(ok, withdraw(P, 30)),
    ?ASSERT_EQ({error, insufficient_funds}, withdraw(P, 1000)),
    ?ASSERT_EQ({error, badarg}, deposit(P, -5)),
    ?ASSERT_EQ(70, balance(P)),
    ?ASSERT_EQ([{deposit, 100}, {withdraw, 30}], history(P)),
    ?ASSERT_EQ({closed, "ada", 70}, close(P)),
    ?ASSERT_EQ({error, account_closed}, balance(P)),
    Q = queue:from_list([deposit, withdraw]),
    ?ASSERT_EQ([withdraw], queue:to_list(element(2, queue:out(Q)))),
    ?ASSERT_EQ(4, record_info(size, account)),
    ok.
