%% Three processes. Alice sends Bob a note and waits for an answer. Bob
%% reads the note and passes it on to Carol. Carol, busy with her own
%% work until then, answers Alice. Each says what it does.
-module(trio).
-export([start/0]).

start() ->
    Carol = spawn(fun() -> carol() end),
    Bob = spawn(fun() -> bob(Carol) end),
    spawn(fun() -> alice(Bob) end),
    ok.

alice(Bob) ->
    say("alice: writes a note"),
    Bob ! {note, self()},
    receive
        {answer, Word} -> say("alice: reads the answer: " ++ atom_to_list(Word))
    end.

bob(Carol) ->
    receive
        {note, Alice} ->
            say("bob: reads the note"),
            Carol ! {forward, Alice}
    end.

carol() ->
    say("carol: works"),
    say("carol: works some more"),
    receive
        {forward, Alice} -> Alice ! {answer, thanks}
    end.

say(Text) ->
    io:format("~s~n", [Text]).
