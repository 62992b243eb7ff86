// Size budget of the module (issue 7): the .wasm after wasm-opt -Oz is at most 300 KB gzip.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { pkg } from "./helpers.mjs";

const BUDGET_GZIP = 300 * 1024;

for (const target of ["web", "node"]) {
  test(`${target}/kartan_bg.wasm is at most 300 KB gzip`, (t) => {
    const wasm = readFileSync(join(pkg, target, "kartan_bg.wasm"));
    const gz = gzipSync(wasm, { level: 9 }).length;
    t.diagnostic(`${target}/kartan_bg.wasm: ${wasm.length} bytes, ${gz} bytes gzip -9 (budget ${BUDGET_GZIP})`);
    assert.ok(gz <= BUDGET_GZIP, `${gz} bytes gzip > ${BUDGET_GZIP}`);
  });
}
