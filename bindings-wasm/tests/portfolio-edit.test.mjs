// The whole model from JS: Portfolio.fromObject / toObject and the edit methods on the handle
// (kartan::model::edit), with errors that name the JSON pointer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Portfolio } from "kartan";
import { repo, shared, thrown, seedJson } from "./helpers.mjs";

const minimal = () => ({ format: "kartan/1", default_language: "en", program: { id: "PRG", title: { en: "Program" } } });

test("fromObject → toObject → fromObject gives the same portfolio, for the seed and a real IATI import", () => {
  const seed = Portfolio.fromJson(seedJson);
  const doc = seed.toObject();
  assert.deepEqual(doc, JSON.parse(seed.toJson()), "toObject is the kartan JSON document");
  const again = Portfolio.fromObject(doc);
  assert.deepEqual(again.toObject(), doc);
  assert.equal(again.toJson(), seed.toJson());
  const file = join(shared, "data/real/iati/results_small_rich_ngo_2021.xml");
  const iati = Portfolio.fromIati(readFileSync(file), "results_small_rich_ngo_2021.xml");
  const imported = iati.toObject();
  assert.ok(imported.projects.length > 0);
  assert.equal(Portfolio.fromObject(imported).toJson(), iati.toJson());
});

test("toObject is a copy: changing it changes neither the portfolio nor the next copy", () => {
  const p = Portfolio.fromObject(minimal());
  const doc = p.toObject();
  doc.program.id = "CHANGED";
  assert.equal(p.program().id, "PRG");
});

test("fromObject is as strict as fromJson, and the Error names the JSON pointer without a line", () => {
  const unknown = minimal();
  unknown.program.colour = "red";
  const core = thrown(() => Portfolio.fromJson(JSON.stringify(unknown)));
  const error = thrown(() => Portfolio.fromObject(unknown));
  assert.equal(error.pointer, "/program/colour");
  assert.equal(error.line, undefined);
  // The same words as the core's message for the text, without its `line:column: `.
  assert.equal(error.message, core.message.replace(/^\d+:\d+: /, ""));
  assert.match(error.message, /^at \/program\/colour: unknown field `colour`, expected one of/);
  const other = thrown(() => Portfolio.fromObject({ ...minimal(), format: "kartan/2" }));
  assert.equal(other.message, 'at /format: unsupported format "kartan/2": expected "kartan/1"');
  assert.equal(other.pointer, "/format");
  const wrongType = thrown(() => Portfolio.fromObject({ ...minimal(), projects: [{ id: 7, title: {} }] }));
  assert.equal(wrongType.pointer, "/projects/0/id");
  for (const bad of [null, "text", 3, [minimal()]]) {
    assert.match(thrown(() => Portfolio.fromObject(bad)).message, /^doc must be a kartan JSON document object/);
  }
  assert.match(thrown(() => Portfolio.fromObject({ ...minimal(), n: 1n })).message, /^doc cannot be written as JSON: /);
});

test("an exact decimal is a string; a number given for one is read from its JSON text, never rounded further", () => {
  const p = Portfolio.fromObject(minimal());
  p.putProject({ id: "P1", title: { en: "One" }, results: [{ id: "R1", type: "output",
    indicators: [{ id: "I1", measure: "unit", life_target: "0.30000000000000000001" }] }] });
  assert.equal(p.indicator("I1").life_target, "0.30000000000000000001", "all 21 digits kept");
  p.recordActual("I1", "2024-01-01", "2024-12-31", { value: 0.1 });
  assert.deepEqual(p.indicator("I1").periods[0].actuals, [{ value: "0.1" }]);
});

test("put adds or replaces in place, remove returns what it removed, for every kind kept by id", () => {
  const p = Portfolio.fromObject(minimal());
  const kinds = [
    ["Project", { title: { en: "x" } }],
    ["Activity", { kind: "seminar", title: { en: "x" } }],
    ["Evaluation", { title: { en: "x" } }],
    ["Report", { kind: "interim", title: { en: "x" } }],
    ["Lesson", { text: { en: "x" } }],
  ];
  const field = { Project: "projects", Activity: "activities", Evaluation: "evaluations", Report: "reports", Lesson: "lessons" };
  for (const [kind, body] of kinds) {
    assert.equal(p[`put${kind}`]({ id: "A", ...body }), undefined, `${kind} added`);
    assert.equal(p[`put${kind}`]({ id: "B", ...body }), undefined);
    const old = p[`put${kind}`]({ id: "A", ...body, ...(kind === "Lesson" ? { text: { en: "new" } } : { title: { en: "new" } }) });
    assert.equal(old.id, "A", `${kind}: the replaced entry is returned`);
    const list = p.toObject()[field[kind]];
    assert.deepEqual(list.map((e) => e.id), ["A", "B"], `${kind}: replaced in its place`);
    assert.equal((list[0].title ?? list[0].text).en, "new");
    assert.equal(p[`remove${kind}`]("A").id, "A");
    assert.equal(p[`remove${kind}`]("A"), undefined);
    assert.deepEqual(p.toObject()[field[kind]].map((e) => e.id), ["B"]);
  }
});

test("a part that does not fit is an Error with the argument's name and the pointer; nothing changes", () => {
  const p = Portfolio.fromObject(minimal());
  const before = p.toJson();
  const error = thrown(() => p.putProject({ id: "P1", title: { en: "One" }, results: [{ id: "R1", type: "outpt" }] }));
  assert.equal(error.pointer, "/results/0/type");
  assert.match(error.message, /^project: at \/results\/0\/type: unknown variant `outpt`, expected one of/);
  assert.match(thrown(() => p.putActivity({ id: "A1", title: { en: "x" } })).message, /^activity: missing field `kind`/);
  assert.equal(thrown(() => p.putLesson("L1")).message, "lesson must be a Lesson object, not string");
  assert.equal(thrown(() => p.removeReport(3)).message, "id must be a string, not number");
  assert.equal(p.toJson(), before);
});

test("recordActual adds to the period with the dates or a new one; refuses an unknown indicator or a bad date", () => {
  const p = Portfolio.fromObject({ ...minimal(), projects: [{ id: "P1", title: { en: "One" }, results: [{ id: "R1",
    type: "output", indicators: [{ id: "P1-1", measure: "percentage",
      periods: [{ start: "2024-01-01", end: "2024-12-31", targets: [{ value: "50" }] }] }] }] }] });
  p.recordActual("P1-1", "2024-01-01", "2024-12-31", { numerator: "20", denominator: "50" });
  p.recordActual("P1-1", "2025-01-01", "2025-12-31", { numerator: "30", denominator: "50" });
  assert.deepEqual(p.indicator("P1-1").periods, [
    { start: "2024-01-01", end: "2024-12-31", targets: [{ value: "50" }], actuals: [{ numerator: "20", denominator: "50" }] },
    { start: "2025-01-01", end: "2025-12-31", actuals: [{ numerator: "30", denominator: "50" }] },
  ]);
  assert.equal(thrown(() => p.recordActual("X", "2024-01-01", "2024-12-31", { value: "1" })).message, 'no indicator with id "X"');
  assert.equal(thrown(() => p.recordActual("P1-1", "2024-13-01", "2024-12-31", { value: "1" })).message,
    'invalid start "2024-13-01": expected a date as YYYY-MM-DD');
  assert.equal(thrown(() => p.recordActual("P1-1", "2024-01-01", "2024-12-31", { value: "one" })).pointer, "/value");
});

test("an edit that leaves the portfolio invalid is allowed, and validate reports it", () => {
  const p = Portfolio.fromObject(minimal());
  p.putProject({ id: "P1", title: { en: "One" }, results: [{ id: "R1", type: "output", indicators: [{ id: "P1-1", measure: "unit" }] }] });
  p.recordActual("P1-1", "2024-12-31", "2024-01-01", { value: "3" });
  p.putReport({ id: "R", kind: "interim", title: { en: "r" }, project: "P9" });
  const paths = p.validate("2025-06-30").filter((d) => d.severity === "error").map((d) => d.path);
  assert.ok(paths.includes("/projects/0/results/0/indicators/0/periods/0"), paths.join(", "));
  assert.ok(paths.includes("/reports/0/project"), paths.join(", "));
});

test("the example examples/js/build_a_portfolio.mjs runs", async () => {
  const { execFileSync } = await import("node:child_process");
  const { mkdirSync, writeFileSync } = await import("node:fs");
  const { bindings } = await import("./helpers.mjs");
  // Copied under node_modules/ so that `import "kartan"` resolves to pkg/ as for users.
  const dir = join(bindings, "node_modules", ".cache", "kartan-examples");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "build_a_portfolio.mjs");
  writeFileSync(file, readFileSync(join(repo, "examples", "js", "build_a_portfolio.mjs")));
  const out = execFileSync(process.execPath, [file], { encoding: "utf8" });
  assert.match(out, /valid as of 2025-01-31: 0 errors/);
});
