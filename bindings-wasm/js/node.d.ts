// Types of the package's Node entry (node/index.js): the generated declarations of the
// wasm-bindgen module, with `Portfolio.example()` and `Portfolio.seed()` added to the class's statics.
import type { WithExamples } from "../example.js";
import { Portfolio as Generated } from "./kartan.js";

export * from "./kartan.js";
export type { WithExamples } from "../example.js";

/** The portfolio class of ./kartan.js, with `example()` and `seed()`. */
export declare const Portfolio: typeof Generated & WithExamples<Generated>;
export type Portfolio = Generated;
