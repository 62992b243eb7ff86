#!/usr/bin/env bash
# Runs every test of the WebAssembly package and the web page; exits non-zero on failure.
# On a fresh machine it first installs what it needs (build-wasm.sh: Rust target,
# wasm-bindgen-cli, npm devDependencies; here: Debian's chromium for the e2e test).
#   1. scripts/build-wasm.sh — bindings-wasm/pkg/ and examples/web/dist/
#   2. wasm-bindgen tests in Node (cargo test --target wasm32-unknown-unknown -p kartan-wasm)
#   3. the JS suite on the built package (node --test): API, bad input, shared vectors,
#      README example, tsc --strict over the .d.ts and examples/web/example.ts, the size
#      ceiling (speed against the native CLI is a benchmark: bindings-wasm/bench/)
#   4. the end-to-end test of the web page in headless Chromium (screenshots: target/e2e/)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

scripts/build-wasm.sh
export PATH="$PWD/.tools/bin:$PATH"

echo "== test-wasm: wasm-bindgen tests in Node"
cargo test --target wasm32-unknown-unknown -p kartan-wasm


echo "== test-wasm: JS suite (node --test)"
node --test bindings-wasm/tests/*.test.mjs

if [ ! -x /usr/bin/chromium ]; then
  echo "== test-wasm: installing chromium (Debian package) for the e2e test"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium > /dev/null
fi
echo "== test-wasm: end-to-end test of examples/web in headless Chromium"
node --test bindings-wasm/tests/e2e/*.test.mjs

echo "== test-wasm: all WebAssembly tests passed in $(( $(date +%s) - start )) s"
