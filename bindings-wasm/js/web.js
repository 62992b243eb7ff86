// The package's entry for browsers and bundlers: the wasm-bindgen module (./kartan.js)
// and the two embedded programs, `Portfolio.example()` and `Portfolio.seed()`, which load
// the package's example.json and seed.json. They are files of their own, not part of the
// .wasm: the module stays small, and only a page that asks for one downloads it (the
// example ~30 KB gzip, the seed ~6 KB).
import { Portfolio } from "./kartan.js";

export * from "./kartan.js";
export { default } from "./kartan.js";

async function fetchProgram(what, source) {
  const response = await fetch(source);
  if (!response.ok) throw new Error(`cannot load the kartan ${what} from ${source}: HTTP ${response.status}`);
  return Portfolio.fromJson(await response.text());
}

// Types: ../example.d.ts.
Portfolio.example = async function example(source = new URL("../example.json", import.meta.url)) {
  return fetchProgram("example", source);
};
Portfolio.seed = async function seed(source = new URL("../seed.json", import.meta.url)) {
  return fetchProgram("seed program", source);
};
