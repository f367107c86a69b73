-module(binary_size_from_same_pattern).
-export([payload/2]).

payload(Len, <<Data:Len/binary, _/binary>>) -> Data.
