// Runs every ```js block of bindings-wasm/README.md as an ES module, importing "kartan"
// the way a user does, so the README cannot go stale.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Portfolio } from "kartan";
import { bindings, repo } from "./helpers.mjs";

const jsBlocks = (file) => [...readFileSync(file, "utf8").matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
// This package's README, then the repository's "JavaScript" section.
const blocks = [...jsBlocks(join(bindings, "README.md")), ...jsBlocks(join(repo, "README.md"))];

test("the README has a JS example", () => {
  assert.ok(blocks.length >= 1);
  assert.match(blocks[0], /import \{[^}]*Portfolio[^}]*\} from "kartan"/);
});

blocks.forEach((code, i) => {
  // A block may start with `// requires: method, …` (Portfolio methods of optional features).
  const requires = (/^\/\/ requires: (.+)$/m.exec(code)?.[1] ?? "").split(",").map((m) => m.trim()).filter(Boolean);
  const missing = requires.filter((m) => typeof Portfolio.prototype[m] !== "function");
  test(`README JS block ${i + 1} runs`, { skip: missing.length > 0 && `this build has no ${missing.join(", ")}` }, () => {
    // Written under node_modules/ so that `import "kartan"` resolves to pkg/ as for users.
    const dir = join(bindings, "node_modules", ".cache", "kartan-readme");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `block-${i + 1}.mjs`);
    writeFileSync(file, code);
    execFileSync(process.execPath, [file], { stdio: "inherit" });
  });
});
