#!/usr/bin/env bash
# Builds the Python package `kartan` into .venv and runs its tests (pytest, docstring
# examples, stub check, example notebook). On a fresh machine it creates .venv at the
# repository root and installs what the tests need from PyPI; a second run reuses both.
# Exits non-zero on any failure, including pytest collecting no test (exit 5).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv
if [ ! -x "$venv/bin/python" ]; then
  echo "== python: creating $venv"
  python3 -m venv "$venv"
fi
py="$venv/bin/python"

# maturin >= 1.9.4 sets PYO3_BUILD_EXTENSION_MODULE (pyo3 0.30 needs no extension-module feature)
need=(maturin pytest pandas polars pyarrow mypy nbclient nbformat ipykernel altair duckdb)
missing=()
for pkg in "${need[@]}"; do
  "$py" -m pip show -q "$pkg" > /dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== python: installing ${missing[*]}"
  "$py" -m pip install -q --disable-pip-version-check "${missing[@]}"
fi

echo "== python: building the extension (maturin develop --release)"
"$venv/bin/maturin" develop --release -q -m bindings-python/Cargo.toml

echo "== python: pytest bindings-python/tests"
set +e
"$venv/bin/pytest" -q bindings-python/tests
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no test: the Python test setup is broken" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  exit "$status"
fi

echo "== python: stubtest kartan._kartan"
"$py" -m mypy.stubtest kartan._kartan
