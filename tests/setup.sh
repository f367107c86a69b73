#!/usr/bin/env bash
# What the tests need beyond Rust: Graphviz (the dot export is rendered by
# `dot`), Chromium (the web page is tested in a headless browser) and
# Erlang/OTP (`pidlab beam` runs programs on real erl nodes).
# Installs them from Debian's packages when they are missing.
set -euo pipefail
missing=()
command -v dot >/dev/null || missing+=(graphviz)
command -v chromium >/dev/null || missing+=(chromium fonts-dejavu-core)
command -v erl >/dev/null || missing+=(erlang-nox)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
