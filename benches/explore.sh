#!/usr/bin/env bash
# Times `pidlab explore` exhausting two-phase commit for N resource
# managers (tests/explore/tpc_check.erl, checked with --check no-crash),
# breadth first (the default: fewest faults, then fewest steps) and depth
# first, on every core, and prints states, seconds, states per second and
# peak memory. Each time is the best of RUNS runs (default 3): the machine
# is shared and noisy.
#
# Side by side with another checker's two-phase commit on the same N: set
# STATERIGHT to a program that takes `time N` (depth first) and `time-bfs
# N` (breadth first) and prints a line with `unique=S` and `secs=T` (for
# Stateright 0.31, its shipped examples/2pc.rs with two subcommands that
# run `checker().threads(num_cpus::get()).spawn_dfs().join()`, or
# `spawn_bfs()`, and print those two counts). The ratio columns are
# pidlab's time over the other checker's, in the same order.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
runs=${RUNS:-3}

# best_of CMD...: the smallest `secs=` or `"seconds":` value of $runs runs.
best_of() {
  local best=""
  for _ in $(seq "$runs"); do
    local s
    s=$("$@" 2>/dev/null | grep -o '"seconds":[0-9.e-]*\|secs=[0-9.]*' | head -1 | sed 's/.*[:=]//')
    if [ -z "$best" ] || [ "$(echo "$s < $best" | bc -l)" = 1 ]; then best=$s; fi
  done
  echo "$best"
}

printf '%-3s %9s %8s %8s %12s %9s' N states bfs_s dfs_s states_per_s peak_MiB
[ -n "${STATERIGHT:-}" ] && printf ' %12s %8s %8s %7s %7s' other_states bfs_s dfs_s bfs_x dfs_x
echo
for n in ${NS:-3 4 5 6 7}; do
  explore=(./target/release/pidlab explore tests/explore/tpc_check.erl "$n"
    --check no-crash --max-states 100000000 --format json)
  out=$( { /usr/bin/time -f 'peak %M' "${explore[@]}"; } 2>&1 )
  states=$(echo "$out" | grep -o '"states":[0-9]*' | cut -d: -f2)
  peak=$(echo "$out" | grep -o 'peak [0-9]*' | cut -d' ' -f2)
  bfs=$(best_of "${explore[@]}")
  dfs=$(best_of "${explore[@]}" --dfs)
  printf '%-3s %9s %8.3f %8.3f %12.0f %9.0f' "$n" "$states" "$bfs" "$dfs" \
    "$(echo "$states / $dfs" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
  if [ -n "${STATERIGHT:-}" ]; then
    ostates=$("$STATERIGHT" time "$n" | grep -o 'unique=[0-9]*' | cut -d= -f2)
    obfs=$(best_of "$STATERIGHT" time-bfs "$n")
    odfs=$(best_of "$STATERIGHT" time "$n")
    printf ' %12s %8.3f %8.3f %7.1f %7.1f' "$ostates" "$obfs" "$odfs" \
      "$(echo "$bfs / $obfs" | bc -l)" "$(echo "$dfs / $odfs" | bc -l)"
  fi
  echo
done
