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


# Tracing's cost: a ring of 100 processes (10^5 messages) without the trace
# and with --trace-json (every event with its full vector clock, as JSON
# Lines), as a ratio to the untraced run; each the best of three runs (the
# untraced run is short, and one slow start moves the ratio by half).
once() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
secs() { local a b c; a=$(once "$@"); b=$(once "$@"); c=$(once "$@"); printf '%s\n%s\n%s\n' "$a" "$b" "$c" | sort -g | head -1; }
plain=$(secs ./target/release/pidlab run benches/ring.erl 100 1000)
json=$(secs ./target/release/pidlab run benches/ring.erl 100 1000 --trace-json /dev/null)
printf '%-10s %10.3f\n' ring100 "$plain"
printf '%-10s %10.3f %19.2f   (x untraced)\n' ring100_json "$json" "$(echo "$json / $plain" | bc -l)"

# Tracing in memory, as the shell does and as --trace-json does before it
# writes: the same ring, untraced, with clocks, and with every event kept.
cargo bench -q --bench trace 2>/dev/null

# Memory per idle process: the peak memory of 100,000 processes waiting in
# receive over that of the same program with none, per process, for both.
peak_kb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; }
erlc -o "$tmp" benches/idle.erl
per_proc() { echo "($1 - $2) * 1024 / 100000" | bc; }
p_idle=$(per_proc "$(peak_kb ./target/release/pidlab run benches/idle.erl 100000)" \
  "$(peak_kb ./target/release/pidlab run benches/idle.erl 0)")
e_idle=$(per_proc "$(peak_kb erl -noshell -pa "$tmp" -eval 'idle:main(["100000"]), halt().')" \
  "$(peak_kb erl -noshell -pa "$tmp" -eval 'idle:main(["0"]), halt().')")
printf '%-10s %10s %10s %8.2f   (bytes per idle process)\n' idle "$p_idle" "$e_idle" \
  "$(echo "$p_idle / $e_idle" | bc -l)"
