"use strict";
// The package's entry for Node: the wasm-bindgen module (./kartan.js) and the two
// embedded programs, `Portfolio.example()` and `Portfolio.seed()`, which read the
// package's example.json and seed.json (files of their own, not part of the .wasm, so
// the module stays small).
const { readFile } = require("node:fs/promises");
const { join } = require("node:path");
const { Portfolio } = require("./kartan.js");

// Types: ../example.d.ts.
Portfolio.example = async function example(source = join(__dirname, "..", "example.json")) {
  return Portfolio.fromJson(await readFile(source, "utf8"));
};
Portfolio.seed = async function seed(source = join(__dirname, "..", "seed.json")) {
  return Portfolio.fromJson(await readFile(source, "utf8"));
};

module.exports = require("./kartan.js");
