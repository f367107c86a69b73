-module(unknown_compile_option).
-export([main/0]).
-compile([export_all, verbose_mode]).
main() -> ok.
