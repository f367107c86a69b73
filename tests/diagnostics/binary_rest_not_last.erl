-module(binary_rest_not_last).
-export([f/1]).

f(<<Rest/binary, Last>>) -> {Rest, Last}.
