#!/usr/bin/env bash
# Runs every test of kartan. On a fresh machine it first installs what the tests need
# (see scripts/setup.sh); a second run skips what is already there.
set -euo pipefail
cd "$(dirname "$0")"

scripts/setup.sh

echo "== Rust: workspace tests (unit, integration, CLI, doc tests)"
cargo test --workspace --quiet

echo "== Rust: the benchmarks and examples compile (cargo check --all-targets)"
cargo check --workspace --all-targets --quiet

echo "== Rust: the example for crate users"
cargo run --quiet -p kartan-examples --example portfolio > /dev/null

echo "== Python: the kartan package (venv, maturin build, pytest, stubtest, notebook)"
scripts/test-python.sh

echo "== WebAssembly: the kartan JS package (wasm-bindgen tests in Node, JS suite, tsc --strict, web page in headless Chromium)"
scripts/test-wasm.sh

echo "== Spark: the Parquet folder in pyspark (local mode) gives DuckDB's figures to the digit (~2-3 min with its install)"
scripts/test-spark.sh

echo "== all test suites passed"
