#!/usr/bin/env bash
# Runs each workload under pidlab (release build) and erl in the same run
# and prints seconds and the ratio pidlab/erl. erl's boot is excluded: erl
# times the call itself. Needs erl (apt-get install erlang-nox).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
tmp=$(mktemp -d)
printf '%-10s %10s %10s %8s\n' workload pidlab_s erl_s ratio
for w in fib listwork bigfact mapwork ring spawn_many; do
  erlc -o "$tmp" "benches/$w.erl"
  erl_s=$(erl -noshell -pa "$tmp" -eval "{T,_}=timer:tc(fun() -> $w:main() end), io:format(standard_error, \"~f~n\", [T/1.0e6]), halt()." 2>&1 >/dev/null)
  start=$(date +%s.%N)
  ./target/release/pidlab run "benches/$w.erl" >/dev/null
  end=$(date +%s.%N)
  p_s=$(echo "$end - $start" | bc -l)
  printf '%-10s %10.3f %10.3f %8.2f\n' "$w" "$p_s" "$erl_s" "$(echo "$p_s / $erl_s" | bc -l)"
done


# The same ring with the trace on: every event with its clocks, as JSON Lines.
# It takes minutes (every vector clock in a ring is dense); QUICK=1 skips it.
if [ -z "${QUICK:-}" ]; then
start=$(date +%s.%N)
./target/release/pidlab run benches/ring.erl --trace-json /dev/null >/dev/null
end=$(date +%s.%N)
printf '%-10s %10.3f   (trace on: --trace-json)\n' ring_trace "$(echo "$end - $start" | bc -l)"
fi


# Start-up: the shell ready and gone (script mode, one input) beside erl's boot.
start=$(date +%s.%N); for i in 1 2 3 4 5 6 7 8 9 10; do echo 'q().' | ./target/release/pidlab >/dev/null; done; end=$(date +%s.%N)
p_s=$(echo "($end - $start) / 10" | bc -l)
start=$(date +%s.%N); for i in 1 2 3 4 5 6 7 8 9 10; do erl -noshell -eval 'halt().' >/dev/null; done; end=$(date +%s.%N)
e_s=$(echo "($end - $start) / 10" | bc -l)
printf '%-10s %10.3f %10.3f %8.2f   (shell start-up, mean of 10)\n' startup "$p_s" "$e_s" "$(echo "$p_s / $e_s" | bc -l)"
rm -rf "$tmp"
