%% How a process spawned as `spawn(M, F, A)` starts when M:F is not module
%% code (a built-in, or nothing at all: then it crashes with `undef`).
-module(pidlab_boot).
-export([apply/3]).

apply(M, F, A) -> erlang:apply(M, F, A).
