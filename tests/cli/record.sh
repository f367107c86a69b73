#!/usr/bin/env bash
# Records from real Erlang/OTP 25 what tests/cli.rs compares pidlab with.
#
#   reports.out       the stdout of `erl -noshell -eval 'reports:main(), halt().'`:
#                     erl's error reports for the processes reports.erl crashes
#                     (erl prints them on stdout; pidlab on stderr).
#   report_dates.out  the report headers erl's logger writes (in UTC) for the
#                     virtual times report_dates:times() lists.
#   exit_string.out   how erl's shell reports the exit of
#                     `exit({file,"erl_eval.erl"}).` and of `exit_string:main().`
#   client.out        `client:main()` with server.erl compiled beside it.
#   all_exported.out  `all_exported:main()` (a module with -compile(export_all)).
#
# The modules are compiled from this folder under their plain file names, so
# the stack traces say {file,"reports.erl"} as pidlab's do. Never edit the
# .out files by hand. Usage: bash tests/cli/record.sh
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$here"
erlc -o "$tmp" reports.erl report_dates.erl exit_string.erl client.erl server.erl
erlc +nowarn_export_all -o "$tmp" all_exported.erl
(cd "$tmp" && erl -noshell -pa "$tmp" -eval 'client:main(), halt().') >"$here/client.out"
(cd "$tmp" && erl -noshell -pa "$tmp" -eval 'all_exported:main(), halt().') >"$here/all_exported.out"
# run inside $tmp so that a crash dump never lands in the repository
(cd "$tmp" && TZ=UTC erl -noshell -pa "$tmp" -eval 'reports:main(), halt().') >"$here/reports.out"
(cd "$tmp" && TZ=UTC erl -noshell -pa "$tmp" -eval '
    [io:put_chars(logger_formatter:format(
         #{level => error, msg => {string, ""}, meta => #{time => T * 1000}},
         #{legacy_header => true, single_line => false}))
     || T <- report_dates:times()],
    halt().') | grep '^=ERROR REPORT' >"$here/report_dates.out"
printf 'exit({file,"erl_eval.erl"}).\nexit_string:main().\n' \
    | (cd "$tmp" && erl -pa "$tmp") | grep -o '[*][*] exception.*' >"$here/exit_string.out"
