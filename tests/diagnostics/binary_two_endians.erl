-module(binary_two_endians).
-export([f/1]).

f(<<X:32/big-little>>) -> X.
