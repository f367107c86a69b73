%% fails: no faults: every message delivered once; one loss and one duplicate, every execution; the same content sent twice, every execution; three processes, messages both ways, random executions
-module(perfect_link).
-export([new/0, send/3, handle/2, timeout/1]).
new() -> erlang:error(not_implemented).
send(_Link, _To, _M) -> erlang:error(not_implemented).
handle(_Link, _NetMsg) -> erlang:error(not_implemented).
timeout(_Link) -> erlang:error(not_implemented).
