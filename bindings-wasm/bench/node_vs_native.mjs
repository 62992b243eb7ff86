// Benchmark (not a test): loading and validating the largest real IATI file in Node
// (the wasm module) against the native CLI (`kartan validate FILE`) on the same file,
// median of 5 runs each, side by side. Issue 7's goal is a ratio of at most 3; this
// script reports the figures and never fails on them (timings on a busy machine vary).
//
//   scripts/build-wasm.sh && cargo build --release -p kartan-cli
//   node bindings-wasm/bench/node_vs_native.mjs [KARTAN_CLI]   # default target/release/kartan
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Portfolio } from "kartan";

const repo = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const shared = resolve(repo, "../shared");
const iatiDir = join(shared, "data", "real", "iati");
const largest = readdirSync(iatiDir).filter((f) => f.endsWith(".xml"))
  .map((f) => join(iatiDir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
const cli = process.argv[2] ?? join(repo, "target/release/kartan");
const AS_OF = "2021-12-31";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timed(fn, runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const bytes = readFileSync(largest);
let diagnostics = [];
const node = timed(() => {
  const p = Portfolio.fromBytes(bytes, largest);
  diagnostics = p.validate(AS_OF);
  p.free();
});
const native = timed(() => {
  try {
    execFileSync(cli, ["validate", largest, "--as-of", AS_OF, "--format", "json"], { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });
  } catch (error) {
    if (error.status !== 1) throw error; // 1 = invalid portfolio: diagnostics printed
  }
});
console.log(`${largest.split("/").pop()} (${bytes.length} bytes, ${diagnostics.length} diagnostics): `
  + `Node ${node.toFixed(0)} ms, native CLI ${native.toFixed(0)} ms (process included), `
  + `ratio ${(node / native).toFixed(2)} (issue 7's goal: ≤ 3)`);
