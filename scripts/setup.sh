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
