// Bad input from JS: every failure is a JS Error with the core's message, no input traps
// the module, and the module keeps working after each failure.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Portfolio, bestText, surveyFromTable } from "kartan";
import { answered, repo, shared, thrown, seedJson } from "./helpers.mjs";

const MINIMAL = '{"format":"kartan/1","default_language":"sv","program":{"id":"P","title":{"sv":"Program"}}}';
const usable = () => assert.equal(Portfolio.fromJson(MINIMAL).program().id, "P");

const cases = [
  ["empty text", () => Portfolio.fromJson(""), "1:0: EOF while parsing a value"],
  ["empty file", () => Portfolio.fromBytes(new Uint8Array(), "empty.json"),
    /^empty\.json: unrecognised content: expected kartan JSON \(starting with '\{'\).* but the file is empty$/],
  ["white space only", () => Portfolio.fromBytes(new TextEncoder().encode(" \n\t"), "blank.json"),
    /^blank\.json: unrecognised content: expected kartan JSON \(starting with '\{'\).* but the file is empty$/],
  ["truncated", () => Portfolio.fromJson(MINIMAL.slice(0, 40)), "1:40: EOF while parsing a value"],
  ["truncated file", () => Portfolio.fromBytes(new TextEncoder().encode(MINIMAL.slice(0, 40)), "cut.json"),
    "cut.json:1:40: EOF while parsing a value"],
  ["non-UTF-8 bytes", () => {
    const bytes = new TextEncoder().encode(MINIMAL);
    bytes[50] = 0xff;
    return Portfolio.fromBytes(bytes, "latin1.json");
  }, "latin1.json: not UTF-8: invalid byte sequence at byte 50 (line 1); kartan JSON must be UTF-8"],
  ["unknown field", () => Portfolio.fromJson(MINIMAL.replace('"id":"P"', '"id":"P","colour":"red"')),
    /^1:75: at \/program\/colour: unknown field `colour`, expected one of `id`, `title`/],
  ["wrong type", () => Portfolio.fromJson(MINIMAL.replace('"id":"P"', '"id":7')),
    /^1:62: at \/program\/id: invalid type: integer `7`, expected a string$/],
  ["other format", () => Portfolio.fromJson(MINIMAL.replace("kartan/1", "kartan/9")),
    'at /format: unsupported format "kartan/9": expected "kartan/1"'],
  ["strict decimals (rule 7)", () => Portfolio.fromJson(MINIMAL.replace('"id":"P"',
    '"id":"P","budgets":[{"value":{"amount":"1,000","currency":"SEK"}}]')), /invalid number "1,000": thousands/],
  ["a table without its mapping", () => Portfolio.fromBytes(new TextEncoder().encode("id;title\n1;x\n"), "table.csv"),
    /^table\.csv: a table of records \(CSV, spreadsheet or JSON array\) is read through a column mapping/],
  ["deeply nested", () => Portfolio.fromJson("[".repeat(200000)), /^1:128: recursion limit exceeded$/],
  ["huge text", () => Portfolio.fromJson(`{"format":"kartan/1","x":"${"a".repeat(20_000_000)}"}`), /unknown field `x`/],
  ["wrong argument type", () => Portfolio.fromJson(42), "text must be a string, Uint8Array or ArrayBuffer, not number"],
  ["missing argument", () => Portfolio.fromJson(), "text must be a string, Uint8Array or ArrayBuffer, not undefined"],
  ["bytes as a string", () => Portfolio.fromBytes("{}"), "bytes must be a Uint8Array or ArrayBuffer, not string"],
  ["bad asOf", () => Portfolio.fromJson(seedJson).validate("29/11/2026"), 'invalid asOf "29/11/2026": expected a date as YYYY-MM-DD'],
  ["asOf not a string", () => Portfolio.fromJson(seedJson).validate(20261129), "asOf must be a string, not number"],
  ["id not a string", () => Portfolio.fromJson(seedJson).indicator({}), "id must be a string, not object"],
  ["text not a language map", () => bestText({ sv: 1 }, "sv", "sv"), /expected a string/],
  ["a freed portfolio", () => { const p = Portfolio.fromJson(seedJson); p.free(); return p.program(); }, "null pointer passed to rust"],
];

for (const [name, call, expected] of cases) {
  test(`${name}: an Error with the core's message, and the module stays usable`, () => {
    const error = thrown(call);
    if (expected instanceof RegExp) assert.match(error.message, expected);
    else assert.equal(error.message, expected);
    usable();
  });
}

test("a BOM before kartan JSON is accepted", () => {
  assert.equal(Portfolio.fromJson("\uFEFF" + MINIMAL).program().id, "P");
});

// tests/data/bad: portfolios that read but break the rules. Each gives exactly the
// diagnostics of tests/data/bad/expected/<name>.json (as core/tests/validate_fixtures.rs),
// and every analysis on it answers or throws an Error — never traps.
const bad = join(repo, "tests", "data", "bad");
const fixtures = readdirSync(bad).filter((f) => f.endsWith(".json")).sort();

test("tests/data/bad has its fixtures, each with an expectation", () => {
  assert.ok(fixtures.length >= 8, fixtures.join(", "));
  assert.deepEqual(readdirSync(join(bad, "expected")).filter((f) => f.endsWith(".json")).sort(), fixtures);
});

/** Every call of the API on `p`, each answered or an Error. */
function everyCall(p) {
  const asOf = "2014-01-01";
  for (const call of [() => p.program(), () => p.projects(), () => p.indicators(), () => p.matrix(), () => p.toJson(),
    () => p.mapVsReality(asOf), () => p.survey(), () => p.report("html", "sv", asOf), () => p.report("md", "en", asOf),
    () => p.report("json", "en", asOf)]) {
    answered(call);
  }
  for (const { id } of p.indicators()) {
    answered(() => p.indicator(id));
    answered(() => p.periodValues(id));
    answered(() => p.progress(id, asOf));
    answered(() => p.rollup(id, "yearly"));
    answered(() => p.indicatorChart(id));
  }
  const evaluations = JSON.parse(p.toJson()).evaluations ?? [];
  for (const e of evaluations) answered(() => p.survey(e.id, e.instrument?.questions?.[0]?.id));
}

for (const file of fixtures) {
  test(`tests/data/bad/${file}: the exact diagnostics, and no call traps`, () => {
    const p = Portfolio.fromBytes(readFileSync(join(bad, file)), file);
    const expected = JSON.parse(readFileSync(join(bad, "expected", file), "utf8"));
    assert.deepEqual(p.validate("2014-01-01").map((d) => ({ code: d.code, severity: d.severity, path: d.path, message: d.message })), expected);
    assert.ok(expected.some((d) => d.severity === "error"));
    everyCall(p);
    usable();
  });
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `bytes` with a few bytes replaced, deleted or duplicated. */
function mutate(bytes, next) {
  const out = [...bytes];
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits && out.length; i++) {
    const at = Math.floor(next() * out.length);
    const what = next();
    if (what < 0.4) out[at] = Math.floor(next() * 256);
    else if (what < 0.7) out.splice(at, 1 + Math.floor(next() * 8));
    else out.splice(at, 0, ...out.slice(at, at + 1 + Math.floor(next() * 16)));
  }
  return new Uint8Array(out);
}

test("500 mutated portfolios (kartan JSON and IATI XML): every answer or Error, no trap", () => {
  const next = random(7);
  const json = readFileSync(join(repo, "tests", "vectors", "report", "small-portfolio.json"), "utf8");
  const inputs = [new TextEncoder().encode(JSON.stringify(JSON.parse(json).input)),
    readFileSync(join(shared, "data", "real", "iati", "iati_standard_example_annotated_2.03.xml"))];
  let read = 0;
  for (let i = 0; i < 500; i++) {
    const input = inputs[i % 2];
    const p = answered(() => Portfolio.fromBytes(mutate(input, next), i % 2 ? "m.xml" : "m.json"));
    if (p instanceof Portfolio) {
      read++;
      answered(() => p.validate("2030-01-01"));
      everyCall(p);
      p.free();
    }
  }
  assert.ok(read > 0, "some mutations still read");
  usable();
});

test("300 mutated survey tables and mappings: every answer or Error, no trap", () => {
  const next = random(11);
  const mapping = readFileSync(join(repo, "examples", "mappings", "carpentries_post_survey.toml"), "utf8");
  const csv = readFileSync(join(shared, "data", "real", "surveys", "carpentries_instructor_training_post_survey_2018.csv"))
    .subarray(0, 6000);
  const decoder = new TextDecoder();
  for (let i = 0; i < 300; i++) {
    const table = i % 3 === 2 ? csv : mutate(csv, next);
    const map = i % 3 === 2 ? decoder.decode(mutate(new TextEncoder().encode(mapping), next)) : mapping;
    answered(() => surveyFromTable(table, map, "s.csv", "Worth"));
    answered(() => Portfolio.fromTable(table, map, "s.csv"));
  }
  usable();
});
