// Bad input through the object API (Portfolio.fromObject and the edit methods): every
// failure is a JS Error with the core's message and the JSON pointer, no input traps the
// module, a refused edit changes nothing, and the module keeps working after each failure.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Portfolio } from "kartan";
import { thrown } from "./helpers.mjs";

const doc = () => ({ format: "kartan/1", default_language: "sv", program: { id: "P", title: { sv: "Program" } } });
const usable = () => assert.equal(Portfolio.fromObject(doc()).program().id, "P");
const nested = (depth) => {
  let value = {};
  for (let i = 0; i < depth; i += 1) value = { sv: value };
  return value;
};
const cyclic = () => {
  const d = doc();
  d.program.self = d.program;
  return d;
};

const cases = [
  // [name, call, expected message, expected pointer]
  ["a cycle", () => Portfolio.fromObject(cyclic()), /^doc cannot be written as JSON: .*circular/i, undefined],
  ["a BigInt", () => Portfolio.fromObject({ ...doc(), n: 10n }), /^doc cannot be written as JSON: .*BigInt/, undefined],
  ["nested deeper than the reader allows", () => Portfolio.fromObject({ ...doc(), program: { id: "P", title: nested(300) } }),
    /recursion limit exceeded$/, undefined],
  ["a Date where a date string is expected", () => {
    const p = Portfolio.fromObject(doc());
    return p.putActivity({ id: "A", kind: "seminar", title: { sv: "x" }, held: { start: new Date(Date.UTC(2024, 0, 1)) } });
  }, /^activity: at \/held\/start: .*2024-01-01T00:00:00\.000Z/, "/held/start"],
  ["NaN for a decimal (JSON.stringify would write null: no value)", () => {
    const p = Portfolio.fromObject(doc());
    p.putProject({ id: "X", title: { sv: "x" }, results: [{ id: "R", type: "output", indicators: [{ id: "I" }] }] });
    return p.recordActual("I", "2024-01-01", "2024-12-31", { value: NaN, numerator: "1" });
  }, 'actual has NaN at the key "value": not a number kartan can hold (give an exact decimal as a string, e.g. "0.5")',
  undefined],
  ["Infinity deep in a document", () => Portfolio.fromObject({ ...doc(), program: { id: "P", title: { sv: "x" },
    budgets: [{ value: { amount: -Infinity, currency: "SEK" } }] } }),
  /^doc has -Infinity at the key "amount": not a number kartan can hold/, undefined],
  ["a function where a text is expected", () => Portfolio.fromObject(doc()).putLesson({ id: "L", text: () => "x" }),
    /^lesson: missing field `text`$/, ""],
  ["a Map where a text is expected", () => Portfolio.fromObject(doc()).putReport({ id: "R", kind: "interim",
    title: new Map([["sv", "x"]]) }), null, null],
  ["a huge id", () => Portfolio.fromObject(doc()).putProject({ id: "x".repeat(10_000_000), title: { sv: "x" }, colour: 1 }),
    /^project: at \/colour: unknown field `colour`/, "/colour"],
  ["an array for a project", () => Portfolio.fromObject(doc()).putProject([{ id: "P1" }]),
    "project must be a Project object, not object", undefined],
  ["a freed portfolio", () => {
    const p = Portfolio.fromObject(doc());
    p.free();
    return p.putProject({ id: "P1", title: { sv: "x" } });
  }, "null pointer passed to rust", undefined],
];

for (const [name, call, message, pointer] of cases) {
  test(`${name}: an Error or an answer, never a trap; the module stays usable`, () => {
    if (message === null) {
      // Either answer is right here (the core decides what it accepts); a trap is not.
      try {
        call();
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) throw new Error(`the module trapped: ${error.message}`);
        assert.ok(error instanceof Error, String(error));
      }
    } else {
      const error = thrown(call);
      if (message instanceof RegExp) assert.match(error.message, message);
      else assert.equal(error.message, message);
      if (pointer !== undefined) assert.equal(error.pointer, pointer);
    }
    usable();
  });
}

test("a refused NaN changes nothing", () => {
  const p = Portfolio.fromObject(doc());
  p.putProject({ id: "X", title: { sv: "x" }, results: [{ id: "R", type: "output", indicators: [{ id: "I" }] }] });
  thrown(() => p.recordActual("I", "2024-01-01", "2024-12-31", { value: NaN }));
  assert.equal(p.indicator("I").periods, undefined);
});
