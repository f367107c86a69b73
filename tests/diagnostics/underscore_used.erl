-module(underscore_used).
-export([f/1]).

f({_, B}) -> _ + B.
