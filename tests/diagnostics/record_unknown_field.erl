-module(record_unknown_field).
-export([main/0]).

-record(point, {x = 0, y = 0}).

main() ->
    P = #point{x = 1, z = 2},
    P#point.y.
