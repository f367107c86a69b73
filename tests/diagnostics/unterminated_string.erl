-module(unterminated_string).
-export([main/0]).

main() -> io:format("hello~n).
