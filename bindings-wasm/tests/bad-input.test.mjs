// Bad input from JS: every failure is a JS Error with the core's message, no input traps
// the module, and the module keeps working after each failure.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Portfolio, bestText } from "kartan";
import { thrown } from "./helpers.mjs";

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
  }, "latin1.json:not UTF-8: invalid byte sequence at byte 50 (line 1); kartan JSON must be UTF-8"],
  ["unknown field", () => Portfolio.fromJson(MINIMAL.replace('"id":"P"', '"id":"P","colour":"red"')),
    /^1:73: at \/program\/colour: unknown field `colour`, expected one of `id`, `title`/],
  ["wrong type", () => Portfolio.fromJson(MINIMAL.replace('"id":"P"', '"id":7')),
    /^1:62: at \/program\/id: invalid type: integer `7`, expected a string$/],
  ["other format", () => Portfolio.fromJson(MINIMAL.replace("kartan/1", "kartan/9")),
    'at /format: unsupported format "kartan/9": expected "kartan/1"'],
  ["strict decimals (rule 7)", () => Portfolio.fromJson(MINIMAL.replace('"id":"P"',
    '"id":"P","budgets":[{"value":{"amount":"1,000","currency":"SEK"}}]')), /invalid number "1,000": thousands/],
  ["not JSON at all", () => Portfolio.fromBytes(new TextEncoder().encode("id;title\n1;x\n"), "table.csv"),
    /^table\.csv: unrecognised content: expected kartan JSON \(starting with '\{'\)/],
  ["deeply nested", () => Portfolio.fromJson("[".repeat(200000)), /^1:1: at \/0: invalid type: sequence/],
  ["huge text", () => Portfolio.fromJson(`{"format":"kartan/1","x":"${"a".repeat(20_000_000)}"}`), /unknown field `x`/],
  ["wrong argument type", () => Portfolio.fromJson(42), "text must be a string, Uint8Array or ArrayBuffer, not number"],
  ["missing argument", () => Portfolio.fromJson(), "text must be a string, Uint8Array or ArrayBuffer, not undefined"],
  ["bytes as a string", () => Portfolio.fromBytes("{}"), "bytes must be a Uint8Array or ArrayBuffer, not string"],
  ["bad asOf", () => Portfolio.seed().validate("29/11/2026"), 'invalid asOf "29/11/2026": expected a date as YYYY-MM-DD'],
  ["asOf not a string", () => Portfolio.seed().validate(20261129), "asOf must be a string, not number"],
  ["id not a string", () => Portfolio.seed().indicator({}), "id must be a string, not object"],
  ["text not a language map", () => bestText({ sv: 1 }, "sv", "sv"), /expected a string/],
  ["a freed portfolio", () => { const p = Portfolio.seed(); p.free(); return p.program(); }, "null pointer passed to rust"],
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
