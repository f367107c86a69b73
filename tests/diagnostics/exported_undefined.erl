-module(exported_undefined).
-export([main/0, helper/1]).

main() -> ok.
