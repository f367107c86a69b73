-module(lib_erlang_display).
-export([main/0]).
%% erlang:display/1 writes a term as the emulator does (erl writes it at
%% once, before output of io:format still buffered, so only display here).
main() ->
    erlang:display({a, "abc", 1.0, [1, 2 | x], #{a => 1, 2 => [b]}, 0.1, -5, 'A b', [], ""}),
    erlang:display([1.5e300, -2.25e-10, 123.0, 0.0, 100, 1 bsl 70]),
    erlang:display("text\n"),
    erlang:display([200, 97]),
    erlang:display({[a | b], [$a, 300], fun lists:map/2}),
    erlang:display(hello).
