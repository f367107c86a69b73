%% Records and macros shared by include_header.erl.
-record(account, {owner, balance = 0 :: integer(), history = [] :: [term()]}).
-define(LIMIT, 100).
