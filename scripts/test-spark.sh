#!/usr/bin/env bash
# Spark reads kartan's Parquet folder and gives kartan's numbers (issue 16): converts every
# real IATI file in ../shared/data/real/iati/ into one Parquet dataset with the CLI, then
# runs the README's roll-ups in pyspark (local mode, Debian's OpenJDK) and compares them
# with DuckDB's, to the digit (scripts/spark_rollup.py).
#
# ./test.sh runs it last: installing pyspark (a 300+ MB download, 1.5 min measured) and
# running it (a JVM start, then the queries: under a minute) add under 3 minutes to a fresh
# run. It installs what it needs on a fresh machine: a JDK (apt, when `java` is missing)
# and a venv .venv-spark with pyspark and duckdb.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java > /dev/null 2>&1; then
  echo "== spark: installing a JDK (Debian's default-jre-headless)"
  apt-get update -qq && apt-get install -y -qq default-jre-headless > /dev/null
fi
venv=.venv-spark
if [ ! -x "$venv/bin/python" ]; then
  echo "== spark: creating $venv"
  python3 -m venv "$venv"
fi
for pkg in pyspark duckdb; do
  "$venv/bin/python" -m pip show -q "$pkg" > /dev/null 2>&1 || "$venv/bin/python" -m pip install -q --disable-pip-version-check "$pkg"
done

# The repository is cloned next to shared/ (<root>/main and <root>/shared); a worktree may
# sit deeper, so look upwards, as the Python tests do (bindings-python/tests/conftest.py).
real="${KARTAN_REAL_DATA:-}"
dir="$PWD"
while [ -z "$real" ] && [ "$dir" != "/" ]; do
  dir="$(dirname "$dir")"
  if [ -d "$dir/shared/data/real/iati" ]; then real="$dir/shared/data/real"; fi
done
if [ -z "$real" ]; then
  echo "no shared/data/real next to $PWD or above it (set KARTAN_REAL_DATA)" >&2
  exit 1
fi
out="$(mktemp -d)/iati"
echo "== spark: kartan convert $real/iati --to parquet -o $out"
set +e
cargo run -q --release -p kartan-cli -- convert "$real/iati" --to parquet -o "$out" 2> /dev/null
status=$?
set -e
# exit 1: some file's import left something out (a diagnostics row); the rest is written
if [ "$status" -gt 1 ]; then
  echo "kartan convert failed (exit $status)" >&2
  exit "$status"
fi
echo "== spark: the README's roll-ups in Spark and DuckDB"
"$venv/bin/python" scripts/spark_rollup.py "$out"
