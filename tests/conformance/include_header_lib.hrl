%% Included by include_header.erl with -include_lib.
-define(GREETING, "hello from a header").
