#!/usr/bin/env bash
# Times `pidlab explore` exhausting two-phase commit for N resource
# managers (tests/explore/tpc_check.erl, checked with --check no-crash)
# and prints states, seconds, states per second and peak memory.
#
# Side by side with another checker's two-phase commit on the same N: set
# STATERIGHT to a program that takes `time N` and prints a line with
# `unique=S` and `secs=T` (for Stateright 0.31, its shipped examples/2pc.rs
# with a `time` subcommand that runs `checker().threads(..).spawn_dfs()
# .join()` and prints those two counts). The last column is pidlab's time
# over the other checker's.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
printf '%-3s %10s %9s %12s %10s' N states seconds states_per_s peak_MiB
[ -n "${STATERIGHT:-}" ] && printf ' %12s %9s %7s' other_states other_s ratio
echo
for n in ${NS:-3 4 5 6 7}; do
  out=$( { /usr/bin/time -f 'peak %M' ./target/release/pidlab explore tests/explore/tpc_check.erl "$n" \
      --check no-crash --max-states 100000000 --format json; } 2>&1 )
  states=$(echo "$out" | grep -o '"states":[0-9]*' | cut -d: -f2)
  secs=$(echo "$out" | grep -o '"seconds":[0-9.e-]*' | cut -d: -f2)
  peak=$(echo "$out" | grep -o 'peak [0-9]*' | cut -d' ' -f2)
  printf '%-3s %10s %9.3f %12.0f %10.0f' "$n" "$states" "$secs" "$(echo "$states / $secs" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
  if [ -n "${STATERIGHT:-}" ]; then
    other=$("$STATERIGHT" time "$n")
    ostates=$(echo "$other" | grep -o 'unique=[0-9]*' | cut -d= -f2)
    osecs=$(echo "$other" | grep -o 'secs=[0-9.]*' | cut -d= -f2)
    printf ' %12s %9.3f %7.1f' "$ostates" "$osecs" "$(echo "$secs / $osecs" | bc -l)"
  fi
  echo
done
