-export([main/0]).

main() -> ok.
