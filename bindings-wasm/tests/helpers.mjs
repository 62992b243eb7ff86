// Shared paths and helpers of the JS test suite (node --test bindings-wasm/tests/).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const bindings = resolve(here, "..");
export const repo = resolve(bindings, "..");
/** `shared/` lies beside the repository (DESIGN: `<root>/main` and `<root>/shared`). */
export const shared = resolve(repo, "../shared");
export const pkg = join(bindings, "pkg");

/** The seed program's committed kartan JSON (core/src/embedded/seed.json), the file the
 *  package ships as seed.json. */
export const seedJson = readFileSync(join(repo, "core/src/embedded/seed.json"), "utf8");

/** Every `*.json` file under `dir`, sorted, as paths relative to `dir`. */
export function jsonFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".json")) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

/** Runs `fn` and returns the `Error` it throws; fails when it returns, throws a non-Error,
 *  or traps (a `WebAssembly.RuntimeError`, e.g. `unreachable` after a Rust panic). */
export function thrown(fn) {
  try {
    fn();
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) throw new Error(`the module trapped: ${error.message}`);
    if (!(error instanceof Error)) throw new Error(`threw a non-Error: ${String(error)}`);
    return error;
  }
  throw new Error("expected an Error, the call returned");
}

/** Runs `fn` and returns its value, or the `Error` it throws; fails only when it throws a
 *  non-Error or traps — for inputs where either answer is right but a panic is not. */
export function answered(fn) {
  try {
    return fn();
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) throw new Error(`the module trapped: ${error.message}`);
    if (!(error instanceof Error)) throw new Error(`threw a non-Error: ${String(error)}`);
    return error;
  }
}
