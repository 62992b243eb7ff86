#!/usr/bin/env bash
# Installs what the test suites need on a fresh machine; skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=()
command -v xmllint > /dev/null || apt_packages+=(libxml2-utils)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "== setup: installing ${apt_packages[*]} (Debian packages)"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${apt_packages[@]}" > /dev/null
fi

# A fresh clone's run builds about 5 GB (target/: debug 2.7 GB, release 0.75 GB, wasm 0.75 GB;
# the Python venv 0.75 GB; measured 2026-11-29). On a fuller disk the compilers fail late with
# "No space left on device": say so at the start.
need_kb=$((6 * 1024 * 1024))
free_kb=$(df -Pk . | awk 'NR == 2 { print $4 }')
if [ -n "$free_kb" ] && [ "$free_kb" -lt "$need_kb" ]; then
  echo "== setup: warning: $((free_kb / 1024)) MB free on $(df -P . | awk 'NR == 2 { print $6 }');" \
    "the builds of a first run need about 6 GB" >&2
fi
