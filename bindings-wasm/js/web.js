// The package's entry for browsers and bundlers: the wasm-bindgen module (./kartan.js)
// and `Portfolio.example()`, which loads the illustrative example program from the
// package's example.json. The example is a separate file, not part of the .wasm: the
// module stays small, and only a page that asks for the example downloads it (~30 KB gzip).
import { Portfolio } from "./kartan.js";

export * from "./kartan.js";
export { default } from "./kartan.js";

// Types: ../example.d.ts.
Portfolio.example = async function example(source = new URL("../example.json", import.meta.url)) {
  const response = await fetch(source);
  if (!response.ok) throw new Error(`cannot load the kartan example from ${source}: HTTP ${response.status}`);
  return Portfolio.fromJson(await response.text());
};
