#!/usr/bin/env bash
# Builds the front-end fuzz target with libFuzzer on the stable toolchain
# (the coverage flags cargo-fuzz would pass, without a sanitizer) and runs it
# for SECONDS seconds (default 300), starting from the project's own Erlang
# files. Needs a C++ compiler for libFuzzer. A crash leaves its input in
# fuzz/artifacts/; rerun the binary with that file to reproduce it.
# TARGET is front_end (the default: lexer, parser, compiler, diagnostics)
# or run_program (programs that compile are run with small bounds).
# Usage: fuzz/run.sh [SECONDS] [TARGET]
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-300}"
bin="${2:-front_end}"
target=x86_64-unknown-linux-gnu
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares \
--cfg fuzzing -Cdebug-assertions -Coverflow-checks" \
  cargo build --release --target "$target" --bin "$bin"
mkdir -p "corpus/$bin" artifacts
cp ../tests/conformance/*.erl ../tests/diagnostics/*.erl ../tests/programs/*.erl "corpus/$bin/"
"target/$target/release/$bin" "corpus/$bin" \
  -max_total_time="$secs" -max_len=4096 -rss_limit_mb=4096 \
  -artifact_prefix=artifacts/ -print_final_stats=1
