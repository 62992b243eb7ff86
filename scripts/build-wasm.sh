#!/usr/bin/env bash
# Builds the kartan WebAssembly package into bindings-wasm/pkg/ (an npm-style folder:
# package.json with `exports` for browsers and Node, the JS glue, the .wasm, the .d.ts)
# and the offline web page into examples/web/dist/.
#
# On a fresh machine it first installs what it needs, and skips what is there:
#   - the Rust target wasm32-unknown-unknown (rustup);
#   - wasm-bindgen-cli into .tools/ (git-ignored), the exact version the `wasm-bindgen`
#     crate is pinned to in Cargo.toml (`cargo install`, without --locked: the registry
#     lacks one pinned dependency of its lockfile);
#   - the npm devDependencies of bindings-wasm/ (binaryen's wasm-opt, TypeScript,
#     esbuild, vega-embed, playwright-core) from the committed package-lock.json.
# wasm-pack is not used: it downloads binaries, which this network does not allow.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
step() { echo "== build-wasm: $*"; }

# --- tools ------------------------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
if [ -z "$version" ]; then
  echo "build-wasm: no exact wasm-bindgen pin (wasm-bindgen = \"=X.Y.Z\") in Cargo.toml" >&2
  exit 1
fi
installed=$(.tools/bin/wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$installed" != "$version" ]; then
  step "installing wasm-bindgen-cli $version into .tools/ (a few minutes, once)"
  cargo install --quiet --root .tools wasm-bindgen-cli --version "$version"
fi
export PATH="$root/.tools/bin:$PATH"

cd bindings-wasm
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm devDependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
cd "$root"

# --- the module -------------------------------------------------------------------------
step "cargo build --profile wasm-release --target wasm32-unknown-unknown -p kartan-wasm"
# The profile `wasm-release` (workspace Cargo.toml): opt-level "z", LTO, one codegen
# unit, panic = "abort"; the native release builds keep their own settings.
cargo build --quiet --profile wasm-release --target wasm32-unknown-unknown -p kartan-wasm
wasm=target/wasm32-unknown-unknown/wasm-release/kartan_wasm.wasm

pkg=bindings-wasm/pkg
rm -rf "$pkg"
mkdir -p "$pkg"
for target in web nodejs; do
  dir=$pkg/${target/nodejs/node}
  step "wasm-bindgen --target $target → $dir"
  wasm-bindgen --target "$target" --out-dir "$dir" --out-name kartan "$wasm"
done
# The two targets differ in their JS glue only: optimise the module once when the two
# .wasm files are the same, else each.
for dir in "$pkg/web" "$pkg/node"; do
  if [ "$dir" = "$pkg/node" ] && cmp -s "$pkg/node/kartan_bg.wasm" "$pkg/web/kartan_bg.wasm.unopt"; then
    cp "$pkg/web/kartan_bg.wasm" "$pkg/node/kartan_bg.wasm"
    continue
  fi
  step "wasm-opt -Oz -Oz $dir/kartan_bg.wasm"
  cp "$dir/kartan_bg.wasm" "$dir/kartan_bg.wasm.unopt"
  # --low-memory-unused lets wasm-opt fold small constants into load/store offsets (4 KB
  # gzip less): it assumes that no address computation wraps around 4 GiB into the
  # first KiB, which safe Rust never does (it only changes what such a wrapping access
  # would do). `-Oz` twice: the second run finds more (4 KB gzip less in issue 15; a
  # third run, or -Os before -Oz, came out larger). Other settings measured: bindings-wasm/README.md "Size".
  bindings-wasm/node_modules/.bin/wasm-opt -Oz -Oz --low-memory-unused --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$dir/kartan_bg.wasm.unopt" -o "$dir/kartan_bg.wasm"
done
rm -f "$pkg"/*/kartan_bg.wasm.unopt
# The Node glue is CommonJS; the package is an ES module package.
echo '{ "type": "commonjs" }' > "$pkg/node/package.json"
# The entries (index.js) add Portfolio.example() and Portfolio.seed() to the generated
# module: they load the illustrative example and the seed program from example.json and
# seed.json beside web/ and node/, files of their own so that the .wasm does not carry
# them (bindings-wasm/js/, bindings-wasm/README.md "The example").
cp bindings-wasm/js/web.js "$pkg/web/index.js"
cp bindings-wasm/js/web.d.ts "$pkg/web/index.d.ts"
cp bindings-wasm/js/node.cjs "$pkg/node/index.js"
cp bindings-wasm/js/node.d.ts "$pkg/node/index.d.ts"
cp bindings-wasm/js/example.d.ts "$pkg/example.d.ts"
cp core/src/embedded/example.json "$pkg/example.json"
cp core/src/embedded/seed.json "$pkg/seed.json"

crate_version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
# "sideEffects" names the two entries: they add Portfolio.example() and .seed() to the generated class,
# and a bundler told that nothing has side effects could skip them for kartan.js itself.
cat > "$pkg/package.json" <<JSON
{
  "name": "kartan",
  "version": "$crate_version",
  "description": "One shared domain model for growth programs and the learning around them, in the browser and in Node (WebAssembly).",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "files": ["web/", "node/", "example.json", "seed.json", "example.d.ts", "README.md"],
  "exports": {
    ".": {
      "node": { "types": "./node/index.d.ts", "default": "./node/index.js" },
      "browser": { "types": "./web/index.d.ts", "default": "./web/index.js" },
      "default": { "types": "./web/index.d.ts", "default": "./web/index.js" }
    },
    "./web": { "types": "./web/index.d.ts", "default": "./web/index.js" },
    "./node": { "types": "./node/index.d.ts", "default": "./node/index.js" },
    "./kartan_bg.wasm": "./web/kartan_bg.wasm",
    "./example.json": "./example.json",
    "./seed.json": "./seed.json",
    "./package.json": "./package.json"
  },
  "types": "./web/index.d.ts",
  "sideEffects": ["./web/index.js", "./node/index.js"]
}
JSON
cp bindings-wasm/README.md "$pkg/README.md"
# Let the tests and the example import the package by its name, as users do.
ln -sfn ../pkg bindings-wasm/node_modules/kartan

raw=$(stat -c %s "$pkg/web/kartan_bg.wasm")
gz=$(gzip -9 -c "$pkg/web/kartan_bg.wasm" | wc -c)
step "kartan_bg.wasm: $raw bytes, $gz bytes gzip -9"

# --- the web page -----------------------------------------------------------------------
step "bundling examples/web → examples/web/dist (offline: wasm, the example, the seed and vega-embed inlined)"
mkdir -p examples/web/dist
NODE_PATH=bindings-wasm/node_modules bindings-wasm/node_modules/.bin/esbuild examples/web/main.js --bundle --format=iife \
  --loader:.wasm=binary --minify --log-level=warning --log-override:empty-import-meta=silent \
  --alias:kartan=./bindings-wasm/pkg/web/kartan.js \
  --alias:kartan-wasm-bytes=./bindings-wasm/pkg/web/kartan_bg.wasm \
  --alias:kartan-example-json=./bindings-wasm/pkg/example.json \
  --alias:kartan-seed-json=./bindings-wasm/pkg/seed.json \
  --outfile=examples/web/dist/main.js
cp examples/web/index.html examples/web/style.css examples/web/dist/
step "done"
