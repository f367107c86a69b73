#!/usr/bin/env bash
# Times `pidlab explore` exhausting two-phase commit for N resource
# managers (tests/explore/tpc_check.erl, checked with --check no-crash)
# and prints states, seconds, states per second and peak memory. Compare
# with a model checker by running its own two-phase commit on the same N.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
printf '%-3s %10s %9s %12s %10s\n' N states seconds states_per_s peak_MiB
for n in ${NS:-3 4 5}; do
  out=$( { /usr/bin/time -f 'peak %M' ./target/release/pidlab explore tests/explore/tpc_check.erl "$n" \
      --check no-crash --max-states 100000000 --format json; } 2>&1 )
  states=$(echo "$out" | grep -o '"states":[0-9]*' | cut -d: -f2)
  secs=$(echo "$out" | grep -o '"seconds":[0-9.e-]*' | cut -d: -f2)
  peak=$(echo "$out" | grep -o 'peak [0-9]*' | cut -d' ' -f2)
  printf '%-3s %10s %9.2f %12.0f %10.0f\n' "$n" "$states" "$secs" "$(echo "$states / $secs" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
done
