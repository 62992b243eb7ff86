// Types of the package's browser entry (web/index.js): the generated declarations of the
// wasm-bindgen module, with `Portfolio.example()` added to the class's statics.
import type { WithExample } from "../example.js";
import { Portfolio as Generated } from "./kartan.js";

export * from "./kartan.js";
export { default } from "./kartan.js";
export type { WithExample } from "../example.js";

/** The portfolio class of ./kartan.js, with `example()`. */
export declare const Portfolio: typeof Generated & WithExample<Generated>;
export type Portfolio = Generated;
