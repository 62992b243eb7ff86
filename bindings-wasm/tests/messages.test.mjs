// The tester's IATI files (tests/data/iati_bad/) and API messages from JS: every loading
// path keeps the import report, and the messages are the core's, as in Rust and Python.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Portfolio, bestText } from "kartan";
import { repo, thrown, seedJson } from "./helpers.mjs";

const bad = (name) => readFileSync(join(repo, "tests", "data", "iati_bad", name));

test("fromBytes keeps the IATI import report, as fromIati does", () => {
  // importReport() was undefined after fromBytes.
  const bytes = bad("skipped_activity.xml");
  const viaBytes = Portfolio.fromBytes(bytes, "a.xml").importReport();
  const viaIati = Portfolio.fromIati(bytes, "a.xml").importReport();
  assert.ok(viaBytes, "a report");
  assert.deepEqual(viaBytes, viaIati);
  // A bad date drops the date, not the activity (issue 14).
  assert.equal(viaBytes.activities_skipped, 0);
  assert.equal(viaBytes.diagnostics[0].code, "iati-bad-date");
  assert.equal(viaBytes.diagnostics[0].path, "a.xml:8:3");
  // kartan JSON has none.
  assert.equal(Portfolio.fromBytes(new TextEncoder().encode(Portfolio.fromJson(seedJson).toJson())).importReport(), undefined);
});

test("malformed XML is refused at its place", () => {
  const errors = (name) => Portfolio.fromIati(bad(name), name).importReport().diagnostics.filter((d) => d.severity === "error");
  assert.equal(errors("bad_charref.xml")[0].path, "bad_charref.xml:22:51");
  assert.match(errors("nul_byte.xml")[0].message, /U\+0000 is not allowed in XML 1\.0/);
  assert.match(errors("duplicate_attribute.xml")[0].message, /duplicated attribute "code"/);
  const ns = Portfolio.fromIati(bad("default_namespace.xml")).importReport().diagnostics;
  assert.deepEqual(ns.map((d) => [d.severity, d.code]), [["warning", "iati-namespace"]]);
  assert.match(thrown(() => Portfolio.fromBytes(bad("utf16.xml"), "u.xml")).message,
    /^u\.xml: the file is UTF-16 text; kartan reads UTF-8 only/);
});

test("a missing field at the root has no empty pointer in the message", () => {
  const error = thrown(() => Portfolio.fromJson('{"format": "kartan/1", "default_language": "sv"}'));
  assert.equal(error.message, "1:1: missing field `program`");
  assert.equal(error.pointer, "");
});

const progressPortfolio = () => Portfolio.fromJson(JSON.stringify({
  format: "kartan/1", default_language: "en", program: { id: "P", title: { en: "Program" } },
  projects: [{ id: "P1", title: { en: "Project" }, results: [{ id: "R1", type: "outcome", indicators: [{
    id: "IND-1", measure: "unit", baselines: [{ value: "0" }], life_target: "20",
    periods: [{ start: "2024-01-01", end: "2024-12-31", actuals: [{ value: "10" }] }] }] }] }],
}));

test("API messages name the parameter and the value", () => {
  const p = progressPortfolio();
  const message = (fn) => thrown(fn).message;
  assert.match(message(() => p.progress("IND-1", "2024-12-31", "abc")), /^band: invalid number "abc"/);
  const periods = '"yearly", "half_yearly", "quarterly", "monthly" or { explicit: [[start, end], …] }';
  assert.equal(message(() => p.rollup("IND-1", "weird")),
    'unknown periods "weird": expected "yearly", "half_yearly", "quarterly", "monthly" or explicit (start, end) periods');
  assert.equal(message(() => p.rollup("IND-1", null)), `periods must be ${periods}, not null`);
  assert.equal(message(() => p.rollup("IND-1", 7)), `periods must be ${periods}, not number`);
  assert.equal(message(() => p.rollup("IND-1", { explicit: [["2024-01-01"]] })), `periods must be ${periods}, not object`);
  assert.equal(message(() => p.rollup("IND-1", { explicit: [["2024-02-30", "2024-03-01"]] })),
    'invalid date in periods "2024-02-30": expected a date as YYYY-MM-DD');
  assert.equal(p.rollup("IND-1", { explicit: [["2024-01-01", "2024-12-31"]] }).periods.length, 1);
  assert.equal(p.rollup("IND-1", "yearly").periods.length, 1);
  for (const text of [null, undefined, "sv", 3, ["sv"]]) {
    assert.match(message(() => bestText(text, "sv", "sv")), /^text must be an object of strings by language/);
  }
  assert.equal(message(() => p.report("md", "xx", "2024-12-31")), 'unknown report language "xx": expected "sv" or "en"');
  assert.ok(p.report("md", "en", "2024-12-31").startsWith("# "));
});
